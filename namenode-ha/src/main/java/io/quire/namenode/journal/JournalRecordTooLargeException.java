package io.quire.namenode.journal;

import java.io.IOException;

/**
 * An append was refused because one record is larger than the journal can hold (a segment's
 * {@link JournalRecordFormat#MAX_PAYLOAD}, or what fits in one ZooKeeper batch znode). Nothing
 * was appended and the writer stays usable; the operation must be split or refused.
 */
public class JournalRecordTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public JournalRecordTooLargeException(String message) {
    super(message);
  }
}
