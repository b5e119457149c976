package io.quire.protocol.exceptions;

import java.io.IOException;

/** Data read from a replica does not match its stored CRC32C; read another replica. */
public class ChecksumMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  public ChecksumMismatchException(String message) {
    super(message);
  }

  public ChecksumMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
