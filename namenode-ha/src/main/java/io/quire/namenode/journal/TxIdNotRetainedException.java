package io.quire.namenode.journal;

import java.io.IOException;

/** A reader asked for records that were purged; load a newer checkpoint and read from after it. */
public class TxIdNotRetainedException extends IOException {
  private static final long serialVersionUID = 1L;

  public TxIdNotRetainedException(String message) {
    super(message);
  }
}
