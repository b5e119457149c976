package io.quire.namenode.journal;

import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.apache.hadoop.io.DataOutputBuffer;

/**
 * The writer of a journal for one epoch, with group commit, over a {@link BatchSink}; the one
 * group-commit implementation of Quire (the file journal and the ZooKeeper journal use it).
 *
 * <p>{@link #append} encodes records ({@link JournalRecordFormat}) into an in-memory buffer
 * under a short lock (one CRC32C per record, no I/O). {@link #awaitSync} makes one caller the
 * syncer: it swaps the buffer for an empty one (appends continue meanwhile) and hands the batch
 * to the sink, which checks the writer's fence and makes the batch durable once; every caller
 * whose txid the batch covered returns without its own sync. A failed or fenced sync fails the
 * writer for good: nobody can know what reached the log, so the NameNode must stop or reopen.
 */
public class GroupCommitWriter implements JournalWriter {
  private final String logName;
  private final long epoch;
  private final int maxPayloadBytes;
  /** Used only by the syncer (syncing == true) or by a holder of lock while nobody syncs. */
  private final BatchSink sink;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition syncDone = lock.newCondition();
  private final CRC32C crc = new CRC32C();
  private final byte[] recordHeader = new byte[JournalRecordFormat.HEADER_SIZE];
  private DataOutputBuffer pending = new DataOutputBuffer(64 * 1024);
  private DataOutputBuffer spare = new DataOutputBuffer(64 * 1024);
  private long lastAppended;
  private long lastSynced;
  private boolean syncing;
  private boolean closed;
  private IOException failure;
  private volatile FencedException fencedLocally;

  /**
   * A writer whose first record gets txid {@code lastTxId + 1}.
   *
   * @param logName names the log in messages (a directory, a znode path)
   * @param maxPayloadBytes largest payload {@link #append} accepts (what one batch can hold)
   */
  public GroupCommitWriter(String logName, long epoch, long lastTxId, int maxPayloadBytes,
      BatchSink sink) {
    if (maxPayloadBytes < 0 || maxPayloadBytes > JournalRecordFormat.MAX_PAYLOAD) {
      throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes + " outside [0, "
          + JournalRecordFormat.MAX_PAYLOAD + "]");
    }
    this.logName = logName;
    this.epoch = epoch;
    this.maxPayloadBytes = maxPayloadBytes;
    this.lastAppended = lastTxId;
    this.lastSynced = lastTxId;
    this.sink = sink;
  }

  @Override
  public long getEpoch() {
    return epoch;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JournalRecordTooLargeException if a payload exceeds the limit of this journal;
   *     nothing was appended
   */
  @Override
  public long append(List<byte[]> payloads) throws IOException {
    for (byte[] p : payloads) {
      if (p.length > maxPayloadBytes) {
        throw new JournalRecordTooLargeException("Cannot append to journal " + logName
            + ": a record of " + p.length + " payload bytes exceeds the limit of "
            + maxPayloadBytes + " bytes");
      }
    }
    lock.lock();
    try {
      checkUsable("append");
      for (byte[] p : payloads) {
        long txId = lastAppended + 1;
        JournalRecordFormat.encodeHeader(crc, recordHeader, txId, epoch, p);
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
            + lastAppended + " in journal " + logName);
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
      sink.writeAndSync(batch.getData(), batch.getLength(), lastSynced + 1, batchLast);
    } catch (IOException e) {
      error = e;
    } catch (RuntimeException | Error e) {
      error = unexpected("sync", e);
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

  /** Syncs what is pending, then lets the sink end its current segment (if it has segments). */
  @Override
  public void rollSegment() throws IOException {
    lock.lock();
    try {
      awaitIdleAndFlush("roll segment");
      try {
        sink.roll(lastAppended);
      } catch (IOException e) {
        failure = e;
        throw e;
      } catch (RuntimeException | Error e) {
        failure = unexpected("roll segment", e);
        throw failure;
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
        sink.writeAndSync(pending.getData(), pending.getLength(), lastSynced + 1, lastAppended);
      } catch (IOException e) {
        failure = e;
        throw e;
      } catch (RuntimeException | Error e) {
        failure = unexpected(operation, e);
        throw failure;
      }
      pending.reset();
      lastSynced = lastAppended;
    }
  }

  /**
   * A sink that fails with something other than an IOException (a bug, an Error such as
   * OutOfMemoryError) fails the writer the same way: nobody knows what reached the log, and
   * the waiters must be woken with a failure rather than left waiting on a sync that ended.
   */
  private IOException unexpected(String operation, Throwable t) {
    return new IOException("Journal " + logName + " (epoch " + epoch + "): " + operation
        + " failed unexpectedly: " + t, t);
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
      throw new IOException("Journal writer for " + logName + " (epoch " + epoch
          + ") failed earlier; cannot " + operation, failure);
    }
    if (closed) {
      throw new IOException("Journal writer for " + logName + " (epoch " + epoch
          + ") is closed; cannot " + operation);
    }
  }

  /**
   * Called by the journal when it opens a newer epoch in this process, so that this writer
   * fails with {@link FencedException} at once (instead of at its next sync, or as closed).
   * Takes no lock.
   */
  public void fenceLocally(long newEpoch) {
    fencedLocally = new FencedException("Journal " + logName + ": writer with epoch " + epoch
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
  public boolean isOpen() {
    lock.lock();
    try {
      return !closed && failure == null && fencedLocally == null;
    } finally {
      lock.unlock();
    }
  }

  /** Number of batches made durable so far: fsyncs or ZooKeeper multis (group-commit metric). */
  public long getSyncCount() {
    return sink.syncCount();
  }

  /**
   * Syncs what is pending and lets the sink finish its current segment (or drop it when
   * empty). A fenced or failed writer only releases what the sink holds.
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
        sink.close();
        return;
      }
      try {
        awaitIdleAndFlush("close");
        sink.finish(lastAppended);
      } catch (FencedException e) {
        // A newer writer owns the journal now; leave the log to it.
      } finally {
        closed = true;
        sink.close();
        syncDone.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }
}
