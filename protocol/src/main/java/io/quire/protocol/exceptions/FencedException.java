package io.quire.protocol.exceptions;

import java.io.IOException;

/** A journal writer with an older epoch tried to append after a newer writer opened the journal. */
public class FencedException extends IOException {
  private static final long serialVersionUID = 1L;

  public FencedException(String message) {
    super(message);
  }

  public FencedException(String message, Throwable cause) {
    super(message, cause);
  }
}
