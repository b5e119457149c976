package io.quire.protocol.exceptions;

import java.io.IOException;

/** The NameNode does not know the calling DataNode; the DataNode must register again. */
public class UnregisteredNodeException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnregisteredNodeException(String message) {
    super(message);
  }

  public UnregisteredNodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
