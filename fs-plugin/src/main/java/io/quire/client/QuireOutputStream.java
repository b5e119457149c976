package io.quire.client;

import static org.apache.hadoop.fs.statistics.StoreStatisticNames.OP_HFLUSH;
import static org.apache.hadoop.fs.statistics.StoreStatisticNames.OP_HSYNC;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_WRITE_BLOCK_UPLOADS;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_WRITE_BYTES;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_WRITE_EXCEPTIONS;
import static org.apache.hadoop.fs.statistics.impl.IOStatisticsBinding.iostatisticsStore;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.Syncable;
import org.apache.hadoop.fs.statistics.DurationTracker;
import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsSource;
import org.apache.hadoop.fs.statistics.impl.IOStatisticsStore;
import org.apache.hadoop.util.DataChecksum;

/**
 * A file being written: bytes are cut into packets (64 KiB by default, CRC32C per 512 bytes,
 * computed in bulk when a packet is full) that a {@link DataStreamer} thread pipelines to the
 * DataNodes while the caller keeps writing; at most maxPacketsInFlight are outstanding.
 *
 * <p>Durability: {@link #hflush()} returns when every byte written so far is acknowledged by
 * every DataNode of the pipeline and the NameNode has recorded the last block's length, so new
 * readers see it. {@link #hsync()} additionally has the DataNodes force the data to disk
 * before acknowledging. {@link #close()} completes the file with the NameNode. Not thread-safe
 * for concurrent writers; each call takes the stream's monitor once, not per byte.
 *
 * <p>The streamer thread starts with the first packet handed to the pipeline, not at create:
 * a file closed without a byte written (or an append closed without one) costs create (or
 * append) and complete RPCs and no thread.
 */
public final class QuireOutputStream extends OutputStream
    implements Syncable, StreamCapabilities, IOStatisticsSource {
  /** What {@link #hasCapability} answers true for. */
  private static final StreamCapabilitySet CAPABILITIES = StreamCapabilitySet.of(
      StreamCapabilities.HFLUSH, StreamCapabilities.HSYNC, StreamCapabilities.IOSTATISTICS);
  private static final int BPC = QuireConfigKeys.BYTES_PER_CHECKSUM;
  /** Counter of data packets handed to the pipeline. */
  public static final String STREAM_WRITE_PACKETS = "stream_write_packets";

  private final WriteTarget target;
  private final LeaseRenewer renewer;
  private final DataChecksum checksum =
      DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, BPC);
  private final PacketQueue queue;
  private final DataStreamer streamer;
  /** Started by the first {@link #enqueue}; null until then. */
  private Thread streamerThread;
  private final IOStatisticsStore stats = iostatisticsStore()
      .withCounters(STREAM_WRITE_BYTES, STREAM_WRITE_EXCEPTIONS, STREAM_WRITE_PACKETS,
          STREAM_WRITE_BLOCK_UPLOADS)
      .withDurationTracking(OP_HFLUSH, OP_HSYNC)
      .build();
  /** Bytes of the current block written by the caller (queued or in {@link #current}). */
  private long bytesCurBlock;
  private OutgoingPacket current;
  private boolean closed;
  private final long initialFileLength;

  /**
   * @param appendBlock the file's partial last block to continue (from append), or null
   */
  QuireOutputStream(WriteTarget target, LeaseRenewer renewer, LocatedBlock appendBlock,
      long initialFileLength) {
    if (target.blockSize() <= 0) {
      throw new IllegalArgumentException("create " + target.path() + ": block size "
          + target.blockSize() + " is not positive");
    }
    this.target = target;
    this.initialFileLength = initialFileLength;
    this.renewer = renewer;
    this.queue = new PacketQueue(target.options().maxPacketsInFlight());
    this.bytesCurBlock = appendBlock == null ? 0 : appendBlock.getBlock().getNumBytes();
    this.streamer = new DataStreamer(target.namenode(), target.options(), target.clientName(),
        target.clientHost(), target.path(), target.fileId(), queue, appendBlock);
    renewer.begin(this);
  }

  public String getPath() { return target.path(); }

  /** Length of the file when this stream opened it (non-zero for append). */
  public long getInitialFileLength() { return initialFileLength; }
  public long getFileId() { return target.fileId(); }

  @Override public synchronized void write(int b) throws IOException {
    checkOpen();
    if (current == null) {
      current = newPacket();
    }
    current.append(b);
    bytesCurBlock++;
    stats.incrementCounter(STREAM_WRITE_BYTES);
    afterAppend();
  }

  @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
    checkOpen();
    if (off < 0 || len < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException("write " + off + "+" + len + " of " + b.length);
    }
    stats.incrementCounter(STREAM_WRITE_BYTES, len);
    while (len > 0) {
      if (current == null) {
        current = newPacket();
      }
      int n = current.append(b, off, len);
      off += n;
      len -= n;
      bytesCurBlock += n;
      afterAppend();
    }
  }

  /** Packet capacity: the packet size, cut at the block end and at a partial chunk's end. */
  private OutgoingPacket newPacket() {
    long cap = Math.min(target.options().packetSize(), target.blockSize() - bytesCurBlock);
    int intoChunk = (int) (bytesCurBlock % BPC);
    if (intoChunk != 0) {
      cap = Math.min(cap, BPC - intoChunk);
    }
    return OutgoingPacket.forData(bytesCurBlock, (int) cap,
        queue.takeFreeFrame(OutgoingPacket.frameCapacity((int) cap)));
  }

  private void afterAppend() throws IOException {
    if (current.isFull()) {
      enqueueCurrent(false);
    }
    if (bytesCurBlock == target.blockSize()) {
      enqueue(OutgoingPacket.endOfBlock(bytesCurBlock));
      bytesCurBlock = 0;
    }
  }

  private void enqueueCurrent(boolean sync) throws IOException {
    OutgoingPacket p = current;
    current = null;
    p.seal(checksum, sync);
    enqueue(p);
  }

  private void enqueue(OutgoingPacket p) throws IOException {
    startStreamer();
    try {
      queue.enqueue(p);
      stats.incrementCounter(p.isLastInBlock() ? STREAM_WRITE_BLOCK_UPLOADS : STREAM_WRITE_PACKETS);
    } catch (IOException e) {
      stats.incrementCounter(STREAM_WRITE_EXCEPTIONS);
      throw e;
    }
  }

  /** Starts the streamer thread unless it runs already; the pipeline is set up by it. */
  private void startStreamer() {
    if (streamerThread == null) {
      Thread t = new Thread(streamer, streamerThreadName(target.path()));
      t.setDaemon(true);
      t.start();
      streamerThread = t;
    }
  }

  /** Name of the streamer thread of the stream writing {@code path}. */
  static String streamerThreadName(String path) {
    return "quire-streamer-" + path;
  }

  /** Buffered bytes stay in the current packet; use hflush for visibility. */
  @Override public void flush() throws IOException {
    synchronized (this) {
      checkOpen();
    }
  }

  @Override public void hflush() throws IOException {
    sync(false);
  }

  @Override public void hsync() throws IOException {
    sync(true);
  }

  private synchronized void sync(boolean toDisk) throws IOException {
    checkOpen();
    DurationTracker tracker = stats.trackDuration(toDisk ? OP_HSYNC : OP_HFLUSH);
    try {
      if (current != null && current.dataLen() > 0) {
        enqueueCurrent(toDisk);
      } else if (toDisk && bytesCurBlock > 0) {
        OutgoingPacket empty = OutgoingPacket.forData(bytesCurBlock, 0);
        empty.seal(checksum, true);
        enqueue(empty);
        current = null;
      }
      queue.awaitAcked(queue.lastEnqueued());
      Block last = streamer.lastBlock();
      if (last != null) {
        target.namenode().fsync(target.path(), target.fileId(), target.clientName(),
            last.getNumBytes());
      }
    } catch (IOException e) {
      tracker.failed();
      stats.incrementCounter(STREAM_WRITE_EXCEPTIONS);
      throw e;
    } finally {
      tracker.close();
    }
  }

  /**
   * Sends what is buffered, ends the last block, waits for every acknowledgement and completes
   * the file with the NameNode (retrying while its last block lacks replicas). When this
   * returns normally the file is closed and its bytes are on the pipeline's DataNodes.
   */
  @Override public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (current != null && current.dataLen() > 0) {
        enqueueCurrent(false);
      }
      current = null;
      if (bytesCurBlock > 0) {
        enqueue(OutgoingPacket.endOfBlock(bytesCurBlock));
        bytesCurBlock = 0;
      }
      queue.close();
      joinStreamer();
      IOException failure = queue.failure();
      if (failure != null) {
        throw streamFailure("close", failure);
      }
      NameNodeRetries.complete(target.namenode(), target.options(), target.path(),
          target.fileId(), target.clientName(), streamer.lastBlock());
    } catch (IOException e) {
      stats.incrementCounter(STREAM_WRITE_EXCEPTIONS);
      throw e;
    } finally {
      closed = true;
      if (streamerThread != null && streamerThread.isAlive()) {
        // Only when close failed before the streamer drained: stop it.
        queue.fail(new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + target.path()));
        joinStreamer();
      }
      renewer.end(this);
    }
  }

  /** Waits for the streamer thread to end; no-op when it never started. */
  private void joinStreamer() throws IOException {
    if (streamerThread == null) {
      return;
    }
    try {
      streamerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("close " + target.path() + ": interrupted");
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + target.path());
    }
    IOException failure = queue.failure();
    if (failure != null) {
      throw streamFailure("write", failure);
    }
  }

  /**
   * What write and close throw after the streamer failed: the NameNode's refusal itself when
   * the cluster is out of capacity for this file (a quota, as DFSOutputStream rethrows HDFS's
   * DSQuotaExceededException: callers and Hadoop's jobs test its type), else an IOException
   * naming the call and the path with the failure as its cause.
   */
  private IOException streamFailure(String call, IOException failure) {
    if (failure instanceof org.apache.hadoop.fs.ClusterStorageCapacityExceededException) {
      return failure;
    }
    return new IOException(call + " " + target.path() + ": " + failure.getMessage(), failure);
  }

  @Override public boolean hasCapability(String capability) {
    return CAPABILITIES.has(capability);
  }

  @Override public IOStatistics getIOStatistics() { return stats; }

  @Override public String toString() {
    return "QuireOutputStream{" + target.path() + ", " + stats + "}";
  }
}
