package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * The previous block has not yet been reported by enough DataNodes; retry addBlock after a short
 * wait.
 */
public class NotReplicatedYetException extends IOException {
  private static final long serialVersionUID = 1L;

  public NotReplicatedYetException(String message) {
    super(message);
  }

  public NotReplicatedYetException(String message, Throwable cause) {
    super(message, cause);
  }
}
