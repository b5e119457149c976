package io.quire.namenode.journal;

import java.io.Closeable;
import java.io.IOException;

/** Iterates whole journal records in txid order. */
public interface JournalReader extends Closeable {
  /** The next record, or null at the end of what is currently synced. */
  JournalRecord next() throws IOException;
}
