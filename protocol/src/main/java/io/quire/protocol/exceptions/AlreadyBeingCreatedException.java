package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * Another client holds the lease on the file; wait for it to close the file or recover the lease.
 */
public class AlreadyBeingCreatedException extends IOException {
  private static final long serialVersionUID = 1L;

  public AlreadyBeingCreatedException(String message) {
    super(message);
  }

  public AlreadyBeingCreatedException(String message, Throwable cause) {
    super(message, cause);
  }
}
