package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * The caller does not hold the lease on the file (it expired, was recovered or never existed); the
 * file cannot be written by this client.
 */
public class LeaseExpiredException extends IOException {
  private static final long serialVersionUID = 1L;

  public LeaseExpiredException(String message) {
    super(message);
  }

  public LeaseExpiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
