package io.quire.namenode.journal;

import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.apache.hadoop.io.DataOutputBuffer;

/**
 * The writer of a {@link FileJournal} for one epoch, with group commit.
 *
 * <p>{@link #append} encodes records into an in-memory buffer under a short lock (one CRC32C
 * per record, no I/O). {@link #awaitSync} makes one caller the syncer: it swaps the buffer for
 * an empty one (appends continue meanwhile), checks under the directory lock that the promised
 * epoch on disk is still its own, writes the batch and fsyncs it once; every caller whose
 * txid the batch covered returns without its own fsync. A failed or fenced sync fails the
 * writer for good: nobody can know what reached the disk, so the NameNode must stop or reopen.
 */
public final class FileJournalWriter implements JournalWriter {
  private final Path dir;
  private final long epoch;
  /** Used only by the syncer (syncing == true) or by a holder of lock while nobody syncs. */
  private final FencedSegmentOutput output;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition syncDone = lock.newCondition();
  private final CRC32C crc = new CRC32C();
  private final byte[] recordHeader = new byte[SegmentFormat.RECORD_HEADER_SIZE];
  private DataOutputBuffer pending = new DataOutputBuffer(64 * 1024);
  private DataOutputBuffer spare = new DataOutputBuffer(64 * 1024);
  private long lastAppended;
  private long lastSynced;
  private boolean syncing;
  private boolean closed;
  private IOException failure;
  private volatile FencedException fencedLocally;

  FileJournalWriter(Path dir, long epoch, long lastTxId, FencedSegmentOutput output) {
    this.dir = dir;
    this.epoch = epoch;
    this.lastAppended = lastTxId;
    this.lastSynced = lastTxId;
    this.output = output;
  }

  @Override
  public long getEpoch() {
    return epoch;
  }

  @Override
  public long append(List<byte[]> payloads) throws IOException {
    for (byte[] p : payloads) {
      if (p.length > SegmentFormat.MAX_PAYLOAD) {
        throw new IllegalArgumentException("Journal record of " + p.length
            + " bytes exceeds the maximum of " + SegmentFormat.MAX_PAYLOAD);
      }
    }
    lock.lock();
    try {
      checkUsable("append");
      for (byte[] p : payloads) {
        long txId = lastAppended + 1;
        SegmentFormat.encodeRecordHeader(crc, recordHeader, txId, epoch, p);
        pending.write(recordHeader, 0, recordHeader.length);
        pending.write(p, 0, p.length);
        lastAppended = txId;
      }
      return lastAppended;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void awaitSync(long txId) throws IOException {
    DataOutputBuffer batch;
    long batchLast;
    lock.lock();
    try {
      if (txId > lastAppended) {
        throw new IllegalArgumentException("awaitSync(" + txId + ") beyond the last appended txid "
            + lastAppended + " in journal " + dir);
      }
      while (true) {
        if (lastSynced >= txId) {
          return;
        }
        checkUsable("sync");
        if (!syncing) {
          break;
        }
        syncDone.awaitUninterruptibly();
      }
      syncing = true;
      batch = pending;
      pending = spare;
      spare = null;
      batchLast = lastAppended;
    } finally {
      lock.unlock();
    }
    IOException error = null;
    try {
      output.writeAndSync(batch.getData(), batch.getLength(), lastSynced + 1, batchLast);
    } catch (IOException e) {
      error = e;
    }
    lock.lock();
    try {
      syncing = false;
      batch.reset();
      spare = batch;
      if (error == null) {
        lastSynced = batchLast;
      } else if (failure == null) {
        failure = error;
      }
      syncDone.signalAll();
    } finally {
      lock.unlock();
    }
    if (error != null) {
      throw error;
    }
  }

  @Override
  public void rollSegment() throws IOException {
    lock.lock();
    try {
      awaitIdleAndFlush("roll segment");
      if (output.segmentEmpty(lastAppended)) {
        return; // nothing in the current segment: rolling would make an empty segment
      }
      try {
        output.roll(lastAppended);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** With {@code lock} held: waits out a running sync, then writes and syncs what is pending. */
  private void awaitIdleAndFlush(String operation) throws IOException {
    while (syncing) {
      syncDone.awaitUninterruptibly();
    }
    checkUsable(operation);
    if (pending.getLength() > 0) {
      try {
        output.writeAndSync(pending.getData(), pending.getLength(), lastSynced + 1, lastAppended);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      pending.reset();
      lastSynced = lastAppended;
    }
  }

  private void checkUsable(String operation) throws IOException {
    FencedException fenced = fencedLocally;
    if (fenced != null) {
      throw new FencedException(fenced.getMessage() + " (" + operation + ")", fenced);
    }
    if (failure instanceof FencedException) {
      throw new FencedException(failure.getMessage() + " (" + operation + ")", failure);
    }
    if (failure != null) {
      throw new IOException("Journal writer for " + dir + " (epoch " + epoch
          + ") failed earlier; cannot " + operation, failure);
    }
    if (closed) {
      throw new IOException("Journal writer for " + dir + " (epoch " + epoch + ") is closed; cannot "
          + operation);
    }
  }

  /** Called by the journal when it opens a newer epoch in this process. Takes no lock. */
  void fenceLocally(long newEpoch) {
    fencedLocally = new FencedException("Journal " + dir + ": writer with epoch " + epoch
        + " was fenced by epoch " + newEpoch + " opened in this process");
  }

  @Override
  public long getLastAppendedTxId() {
    lock.lock();
    try {
      return lastAppended;
    } finally {
      lock.unlock();
    }
  }

  /** Highest txid known durable. */
  public long getLastSyncedTxId() {
    lock.lock();
    try {
      return lastSynced;
    } finally {
      lock.unlock();
    }
  }

  /** Whether this writer can still append (not closed, fenced or failed). */
  boolean isOpen() {
    lock.lock();
    try {
      return !closed && failure == null && fencedLocally == null;
    } finally {
      lock.unlock();
    }
  }

  /** Number of batches written and fsynced so far (group-commit metric). */
  public long getSyncCount() {
    return output.syncCount();
  }

  /**
   * Syncs what is pending and finishes the current segment (or drops it when empty). A fenced
   * or failed writer only releases its file.
   */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      while (syncing) {
        syncDone.awaitUninterruptibly();
      }
      if (failure != null || fencedLocally != null) {
        closed = true;
        output.closeChannel();
        return;
      }
      try {
        awaitIdleAndFlush("close");
        output.finish(lastAppended);
      } catch (FencedException e) {
        // A newer writer owns the journal now; leave the files to it.
      } finally {
        closed = true;
        output.closeChannel();
        syncDone.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }
}
