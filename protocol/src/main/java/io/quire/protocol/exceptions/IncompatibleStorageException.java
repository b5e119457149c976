package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * A storage directory belongs to another cluster or another node, or has an unknown layout; refuse
 * to use it.
 */
public class IncompatibleStorageException extends IOException {
  private static final long serialVersionUID = 1L;

  public IncompatibleStorageException(String message) {
    super(message);
  }

  public IncompatibleStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
