package io.quire.namenode.journal;

import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file side of a {@link FileJournalWriter}: the open in-progress segment, written only
 * after checking, under the {@link JournalDirLock}, that the promised epoch on disk is still
 * the writer's own. Not thread-safe: the writer calls it from one thread at a time.
 */
final class FencedSegmentOutput {
  private final Path dir;
  private final EpochFile epochFile;
  private final JournalDirLock dirLock;
  private final long epoch;
  private final Runnable beforeSyncHook;
  private final AtomicLong syncCount = new AtomicLong();
  private FileChannel channel;
  private long segmentFirstTxId;

  FencedSegmentOutput(Path dir, EpochFile epochFile, JournalDirLock dirLock, long epoch,
      FileChannel channel, long segmentFirstTxId, Runnable beforeSyncHook) {
    this.dir = dir;
    this.epochFile = epochFile;
    this.dirLock = dirLock;
    this.epoch = epoch;
    this.channel = channel;
    this.segmentFirstTxId = segmentFirstTxId;
    this.beforeSyncHook = beforeSyncHook;
  }

  /** When this returns, {@code data[0, length)} (txids first..last) is on disk (fdatasync). */
  void writeAndSync(byte[] data, int length, long firstTxId, long lastTxId) throws IOException {
    if (beforeSyncHook != null) {
      beforeSyncHook.run();
    }
    try (JournalDirLock.Held ignored = dirLock.lock()) {
      checkEpochOnDisk("write txids " + firstTxId + ".." + lastTxId);
      ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
      syncCount.incrementAndGet();
    } catch (FencedException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Journal " + dir + ": cannot write and sync txids " + firstTxId + ".."
          + lastTxId + " (epoch " + epoch + ")", e);
    }
  }

  /** Finishes the current segment at {@code lastTxId} and starts the next; durable on return. */
  void roll(long lastTxId) throws IOException {
    try (JournalDirLock.Held ignored = dirLock.lock()) {
      checkEpochOnDisk("roll segment at txid " + lastTxId);
      channel.close();
      Segments.finish(dir, segmentFirstTxId, lastTxId);
      segmentFirstTxId = lastTxId + 1;
      channel = Segments.createInProgress(dir, segmentFirstTxId);
    }
  }

  /** Finishes the current segment at {@code lastTxId}, or drops it if it holds no record. */
  void finish(long lastTxId) throws IOException {
    try (JournalDirLock.Held ignored = dirLock.lock()) {
      checkEpochOnDisk("finish segment at close");
      channel.close();
      if (lastTxId >= segmentFirstTxId) {
        Segments.finish(dir, segmentFirstTxId, lastTxId);
      } else {
        Segments.dropEmpty(dir, segmentFirstTxId);
      }
    }
  }

  /** Whether the current segment holds no record when the last txid is {@code lastTxId}. */
  boolean segmentEmpty(long lastTxId) {
    return lastTxId < segmentFirstTxId;
  }

  long syncCount() {
    return syncCount.get();
  }

  /** Releases the file without touching the directory (fenced or failed writers). */
  void closeChannel() throws IOException {
    channel.close();
  }

  private void checkEpochOnDisk(String operation) throws IOException {
    long promised = epochFile.read();
    if (promised != epoch) {
      throw new FencedException("Journal " + dir + ": writer with epoch " + epoch
          + " was fenced by epoch " + promised + "; refusing to " + operation
          + ". Another NameNode has opened the journal.");
    }
  }
}
