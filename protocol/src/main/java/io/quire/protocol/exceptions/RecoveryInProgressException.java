package io.quire.protocol.exceptions;

import java.io.IOException;

/** The file's last block is being recovered; retry once the recovery finished. */
public class RecoveryInProgressException extends IOException {
  private static final long serialVersionUID = 1L;

  public RecoveryInProgressException(String message) {
    super(message);
  }

  public RecoveryInProgressException(String message, Throwable cause) {
    super(message, cause);
  }
}
