package io.quire.namenode.journal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The one writer of a {@link Journal} for one epoch. Thread-safe.
 *
 * <p>Usage by the NameNode (HDFS's logEdit/logSync split, giving group commit): under the
 * namesystem lock, {@link #append} the records of an operation (they get the next txids, in
 * order) and apply them; after releasing the lock, {@link #awaitSync} the last txid before
 * answering the caller. Many handlers waiting at once share one fsync.
 */
public interface JournalWriter extends Closeable {

  /** Epoch this writer was opened with; every record it writes carries it. */
  long getEpoch();

  /**
   * Assigns the next txids to {@code payloads}, in order, and hands them to the log (not yet
   * durable). Returns the txid of the last one.
   *
   * @throws io.quire.protocol.exceptions.FencedException if a newer epoch opened the journal
   */
  long append(List<byte[]> payloads) throws IOException;

  /**
   * When this returns, every record up to {@code txId} is on disk (fsync'ed). Concurrent
   * callers are served by one sync where possible (group commit).
   *
   * @throws io.quire.protocol.exceptions.FencedException if a newer epoch opened the journal
   */
  void awaitSync(long txId) throws IOException;

  /** {@link #append} then {@link #awaitSync}: when this returns, the records are on disk. */
  default long appendAndSync(List<byte[]> payloads) throws IOException {
    long last = append(payloads);
    awaitSync(last);
    return last;
  }

  /**
   * Syncs what is appended, finishes the current segment and starts a new one at the next
   * txid. A journal without segments (the ZooKeeper one: every batch is its own znode) only
   * syncs.
   */
  void rollSegment() throws IOException;

  /** Highest txid handed to {@link #append} so far. */
  long getLastAppendedTxId();
}
