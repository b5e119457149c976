package io.quire.namenode.journal;

import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The file side of a {@link FileJournalWriter}: the {@link BatchSink} over the open
 * in-progress segment, written only after checking, under the {@link JournalDirLock}, that the
 * promised epoch on disk is still the writer's own ({@link EpochCheck}: a stat per sync, the
 * file read again only when it was replaced). Not thread-safe: the writer calls it from
 * one thread at a time.
 *
 * <p>Preallocation (as HDFS's EditLogFileOutputStream): the segment file grows in zero-filled
 * extensions of {@link #PREALLOCATE_BYTES}, written before the chunks that need them, so most
 * syncs write into already allocated blocks of unchanged file size and {@code fdatasync} has
 * no metadata to commit (about half the cost of a sync that extends the file, measured on
 * ext4). Durability is unchanged: every batch is written and {@code force(false)}'d before
 * {@link #writeAndSync} returns, and a sync that did extend the file commits the new size
 * with it. The zero padding after the last chunk is the segment's end for readers (see
 * {@link SegmentFormat}); finishing a segment truncates it away.
 */
final class FencedSegmentOutput implements BatchSink {
  /** Size of each zero-filled extension of the segment file (1 MiB, as HDFS). */
  static final int PREALLOCATE_BYTES = 1024 * 1024;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(PREALLOCATE_BYTES);

  private final Path dir;
  private final EpochCheck epochCheck;
  private final JournalDirLock dirLock;
  private final long epoch;
  private final Runnable beforeSyncHook;
  private final AtomicLong syncCount = new AtomicLong();
  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private long segmentFirstTxId;
  /** Offset of the next chunk: the end of the last chunk written. */
  private long writeEnd;
  /** Size of the file: {@link #writeEnd} plus the zero padding allocated ahead. */
  private long allocatedEnd;

  FencedSegmentOutput(Path dir, EpochFile epochFile, JournalDirLock dirLock, long epoch,
      FileChannel channel, long segmentFirstTxId, Runnable beforeSyncHook) throws IOException {
    this.dir = dir;
    this.epochCheck = new EpochCheck(epochFile);
    this.dirLock = dirLock;
    this.epoch = epoch;
    this.channel = channel;
    this.segmentFirstTxId = segmentFirstTxId;
    this.beforeSyncHook = beforeSyncHook;
    startSegment();
  }

  /** A new segment file holds its header only (written by {@link Segments#createInProgress}). */
  private void startSegment() throws IOException {
    writeEnd = channel.size();
    allocatedEnd = writeEnd;
  }

  /**
   * When this returns, {@code data[0, length)} (txids first..last) is on disk: framed as the
   * chunks of one sync ({@link SegmentFormat}, version 2), written at the end of the last chunk
   * in one positional write, then fdatasync, which also commits a file size that grew. The
   * chunks tell a reader where this sync starts, so a crash during it can be told apart from
   * corruption of an acknowledged sync.
   */
  @Override
  public void writeAndSync(byte[] data, int length, long firstTxId, long lastTxId)
      throws IOException {
    if (beforeSyncHook != null) {
      beforeSyncHook.run();
    }
    try (JournalDirLock.Held ignored = dirLock.lock()) {
      checkEpochOnDisk("write txids " + firstTxId + ".." + lastTxId);
      ByteBuffer chunks = SegmentFormat.encodeSync(crc, data, length, firstTxId);
      int size = chunks.remaining();
      ensureAllocated(writeEnd + size);
      writeFully(chunks, writeEnd);
      channel.force(false);
      writeEnd += size;
      syncCount.incrementAndGet();
    } catch (FencedException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Journal " + dir + ": cannot write and sync txids " + firstTxId + ".."
          + lastTxId + " (epoch " + epoch + ")", e);
    }
  }

  /**
   * Finishes the current segment at {@code lastTxId} and starts the next; durable on return.
   * Does nothing when the current segment holds no record (rolling would make an empty one).
   */
  @Override
  public void roll(long lastTxId) throws IOException {
    if (lastTxId < segmentFirstTxId) {
      return;
    }
    try (JournalDirLock.Held ignored = dirLock.lock()) {
      checkEpochOnDisk("roll segment at txid " + lastTxId);
      trimPadding();
      channel.close();
      Segments.finish(dir, segmentFirstTxId, lastTxId);
      segmentFirstTxId = lastTxId + 1;
      channel = Segments.createInProgress(dir, segmentFirstTxId);
      startSegment();
    }
  }

  /** Finishes the current segment at {@code lastTxId}, or drops it if it holds no record. */
  @Override
  public void finish(long lastTxId) throws IOException {
    try (JournalDirLock.Held ignored = dirLock.lock()) {
      checkEpochOnDisk("finish segment at close");
      trimPadding();
      channel.close();
      if (lastTxId >= segmentFirstTxId) {
        Segments.finish(dir, segmentFirstTxId, lastTxId);
      } else {
        Segments.dropEmpty(dir, segmentFirstTxId);
      }
    }
  }

  /**
   * Extends the file with zeros, {@link #PREALLOCATE_BYTES} at a time, until it holds
   * {@code end} bytes (not yet synced).
   */
  private void ensureAllocated(long end) throws IOException {
    while (allocatedEnd < end) {
      writeFully(ZEROS.duplicate(), allocatedEnd);
      allocatedEnd += PREALLOCATE_BYTES;
    }
  }

  /** Cuts the zero padding off and syncs: a finished segment ends at its last record. */
  private void trimPadding() throws IOException {
    if (allocatedEnd > writeEnd) {
      channel.truncate(writeEnd);
      channel.force(true);
      allocatedEnd = writeEnd;
    }
  }

  private void writeFully(ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
  }

  @Override
  public long syncCount() {
    return syncCount.get();
  }

  /** Releases the file without touching the directory (fenced or failed writers). */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      epochCheck.close();
    }
  }

  private void checkEpochOnDisk(String operation) throws IOException {
    long promised = epochCheck.read();
    if (promised != epoch) {
      throw new FencedException("Journal " + dir + ": writer with epoch " + epoch
          + " was fenced by epoch " + promised + "; refusing to " + operation
          + ". Another NameNode has opened the journal.");
    }
  }
}
