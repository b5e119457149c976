package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * A journal record before the tail fails its checksum or cannot be parsed; the NameNode stops
 * instead of replaying past it.
 */
public class CorruptJournalException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptJournalException(String message) {
    super(message);
  }

  public CorruptJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
