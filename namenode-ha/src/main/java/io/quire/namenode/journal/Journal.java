package io.quire.namenode.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * A shared, fenced, append-only log of NameNode records (the edit log).
 *
 * <p>Contract (what an HA shared log must also honour):
 * <ul>
 *   <li>A writer opens the journal with an epoch ({@link #openForWrite}). Opening with epoch E
 *       fences every writer with an epoch below E: their later appends fail with
 *       {@link io.quire.protocol.exceptions.FencedException}. Opening with an epoch not above
 *       the highest one ever promised fails the same way.</li>
 *   <li>Every record carries its transaction id (consecutive, from 1) and the epoch of its
 *       writer, and a checksum.</li>
 *   <li>Readers tail the log from any retained txid ({@link #readFrom}); they see only whole
 *       records.</li>
 *   <li>Segments wholly below a checkpoint may be purged ({@link #purgeBefore}).</li>
 * </ul>
 */
public interface Journal extends Closeable {

  /**
   * Recovers the log's tail (a partial last record is cut off with a warning), promises
   * {@code epoch} durably, and returns the single writer for that epoch. The first record it
   * writes gets txid {@link #getLastTxId()} + 1.
   *
   * @throws io.quire.protocol.exceptions.FencedException if an epoch >= {@code epoch} was
   *     already promised
   * @throws io.quire.protocol.exceptions.CorruptJournalException if a record before the tail
   *     is damaged
   */
  JournalWriter openForWrite(long epoch) throws IOException;

  /** Reads whole records with txid >= {@code fromTxId}, in order, up to the last one synced. */
  JournalReader readFrom(long fromTxId) throws IOException;

  /**
   * Waits until a record with txid {@code txId} may be readable, at most {@code timeoutMs}:
   * how a tailing reader waits after {@link JournalReader#next} returned null. Returns true as
   * soon as the log holds {@code txId} (a spurious true is allowed: read again and wait again),
   * false on timeout.
   *
   * <p>This default polls {@link #getLastTxId} every {@value #AWAIT_POLL_MS} ms (the file
   * journal, whose only reader in production is its own NameNode); the ZooKeeper journal
   * overrides it with a watch.
   *
   * @throws InterruptedIOException if the thread is interrupted while waiting
   */
  default boolean awaitRecord(long txId, long timeoutMs) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (getLastTxId() < txId) {
      long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (leftMs <= 0) {
        return false;
      }
      try {
        Thread.sleep(Math.min(leftMs, AWAIT_POLL_MS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for journal txid " + txId);
      }
    }
    return true;
  }

  /** Poll period of the default {@link #awaitRecord}. */
  long AWAIT_POLL_MS = 20;

  /** Highest txid of a whole record in the log (0 when empty). */
  long getLastTxId() throws IOException;

  /** Highest epoch ever promised (0 when never opened for writing). */
  long getPromisedEpoch() throws IOException;

  /** Deletes finished segments whose every record has txid < {@code txId}. */
  void purgeBefore(long txId) throws IOException;
}
