package io.quire.protocol.exceptions;

import java.io.IOException;

/** The NameNode is in safe mode and refuses namespace changes; retry after it leaves safe mode. */
public class SafeModeException extends IOException {
  private static final long serialVersionUID = 1L;

  public SafeModeException(String message) {
    super(message);
  }

  public SafeModeException(String message, Throwable cause) {
    super(message, cause);
  }
}
