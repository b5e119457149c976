package io.quire.client;

import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.net.TimedSocketOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import org.apache.hadoop.util.DataChecksum;

/**
 * A packet being filled by the writer and then sent down a pipeline, resent after a pipeline
 * recovery. The wire format is {@link Packet}'s, the header encoded by {@link PacketHeader};
 * the seqno is given per pipeline when sent, so a recovered pipeline numbers from 0 again.
 *
 * <p>Checksums are computed once, in bulk, when the packet is sealed: CRC32C of each 512-byte
 * slice counted from the packet's first byte. A packet never crosses a chunk boundary of the
 * block except at its own slice boundaries: one that starts mid-chunk (after an hflush of a
 * partial chunk, or an append) is limited to the rest of that chunk.
 *
 * <p>The packet is held as one frame, the way it goes on the wire: room for the header and the
 * largest checksum area, then the data. The caller's bytes are copied into it once; sealing
 * computes the CRCs from the frame into the frame, right before the data, and sending writes
 * the header before them, so the whole frame leaves in one socket write with no copy through a
 * stream buffer. A frame of {@link #frameCapacity} bytes or more comes from, and goes back to, a
 * {@link FramePool} once the packet is acknowledged; a full-sized one is direct, and goes to
 * the socket's channel with no copy through the JDK's temporary buffer either.
 */
final class OutgoingPacket {
  /** Seqno of heartbeat packets (as HDFS's), outside the pipeline's 0, 1, ... sequence. */
  static final long HEARTBEAT_SEQNO = -1;

  private final long offsetInBlock;
  /** Header room, checksum room for {@code capacity} bytes, then the data. */
  private ByteBuffer frame;
  private final int capacity;
  private final int dataStart;
  private final boolean lastInBlock;
  private int dataLen;
  private boolean sync;
  private boolean sealed;
  /** Start of the header once sealed (checksums follow it, then the data). */
  private int frameStart;
  /** Position in the stream's enqueue order (1, 2, ...), used to wait for acknowledgement. */
  private long number;
  private long seqno = -1;
  private boolean heartbeat;

  private OutgoingPacket(long offsetInBlock, int capacity, boolean lastInBlock,
      ByteBuffer reuse) {
    this.offsetInBlock = offsetInBlock;
    this.capacity = capacity;
    this.dataStart = PacketHeader.SIZE + PacketHeader.checksumLenFor(capacity);
    int need = frameCapacity(capacity);
    this.frame = reuse != null && reuse.capacity() >= need ? reuse.clear()
        : ByteBuffer.allocate(need);
    this.lastInBlock = lastInBlock;
  }

  /** Bytes of the frame buffer of a packet holding up to {@code capacity} data bytes. */
  static int frameCapacity(int capacity) {
    return PacketHeader.SIZE + PacketHeader.checksumLenFor(capacity) + capacity;
  }

  /** An empty data packet holding up to {@code capacity} bytes starting at offsetInBlock. */
  static OutgoingPacket forData(long offsetInBlock, int capacity) {
    return forData(offsetInBlock, capacity, null);
  }

  /**
   * Like {@link #forData(long, int)}, framing the packet in {@code reuse} when it has at least
   * {@link #frameCapacity}({@code capacity}) bytes (its old contents are overwritten).
   */
  static OutgoingPacket forData(long offsetInBlock, int capacity, ByteBuffer reuse) {
    return new OutgoingPacket(offsetInBlock, capacity, false, reuse);
  }

  /**
   * An empty, non-last packet sent on an idle pipeline so the DataNodes' socket timeouts do
   * not close it; it is never queued nor resent. Its seqno is {@link #HEARTBEAT_SEQNO}, and
   * the DataNodes ack it like any other packet without writing anything.
   */
  static OutgoingPacket heartbeat(long offsetInBlock) {
    OutgoingPacket p = new OutgoingPacket(offsetInBlock, 0, false, null);
    p.sealed = true;
    p.heartbeat = true;
    return p;
  }

  /** The empty packet that ends a block (the DataNodes finalize their replicas on it). */
  static OutgoingPacket endOfBlock(long blockLength) {
    OutgoingPacket p = new OutgoingPacket(blockLength, 0, true, null);
    p.sealed = true;
    return p;
  }

  /** Copies as much of {@code b[off, off+len)} as fits; returns the count copied. */
  int append(byte[] b, int off, int len) {
    int n = Math.min(len, capacity - dataLen);
    frame.put(dataStart + dataLen, b, off, n);
    dataLen += n;
    return n;
  }

  /** Appends one byte; the caller checked {@link #isFull()}. */
  void append(int b) {
    frame.put(dataStart + dataLen++, (byte) b);
  }

  boolean isFull() { return dataLen == capacity; }

  /** Computes the chunk CRCs (right before the data); no data may be added afterwards. */
  void seal(DataChecksum checksum, boolean syncBlock) {
    this.sync = syncBlock;
    if (!sealed) {
      int csStart = dataStart - PacketHeader.checksumLenFor(dataLen);
      ChunkCrcs.compute(checksum, frame, dataStart, dataLen, csStart);
      frameStart = csStart - PacketHeader.SIZE;
      sealed = true;
    }
  }

  /**
   * Writes the whole frame with the given pipeline seqno (a heartbeat keeps its own) in one
   * write to {@code out}, which should be unbuffered (a {@link TimedSocketOutput} writes it
   * through the socket's channel); the caller flushes if it buffers.
   */
  void writeTo(OutputStream out, long pipelineSeqno) throws IOException {
    this.seqno = heartbeat ? HEARTBEAT_SEQNO : pipelineSeqno;
    PacketHeader h = new PacketHeader(offsetInBlock, seqno, lastInBlock, sync, dataLen);
    byte[] header = new byte[PacketHeader.SIZE];
    h.encode(header, 0);
    frame.put(frameStart, header);
    ByteBuffer wire = frame.duplicate().limit(frameStart + h.frameLength()).position(frameStart);
    if (out instanceof TimedSocketOutput t) {
      t.write(wire);
    } else {
      Channels.newChannel(out).write(wire);
    }
  }

  /**
   * Gives up the frame buffer of an acknowledged packet for reuse (null for packets without
   * data); the packet's data is gone afterwards.
   */
  ByteBuffer releaseFrame() {
    ByteBuffer f = capacity == 0 ? null : frame;
    frame = null;
    return f;
  }

  long offsetInBlock() { return offsetInBlock; }
  int dataLen() { return dataLen; }
  long endOffsetInBlock() { return offsetInBlock + dataLen; }
  boolean isLastInBlock() { return lastInBlock; }
  boolean isHeartbeat() { return heartbeat; }
  boolean isSync() { return sync; }
  /** A copy of the chunk CRCs of a sealed packet. */
  byte[] checksums() {
    return copy(dataStart - PacketHeader.checksumLenFor(dataLen), dataStart);
  }
  /** A copy of the data. */
  byte[] data() { return copy(dataStart, dataStart + dataLen); }

  private byte[] copy(int from, int to) {
    byte[] b = new byte[to - from];
    frame.get(from, b);
    return b;
  }
  long number() { return number; }
  void setNumber(long n) { number = n; }
  long seqno() { return seqno; }

  @Override public String toString() {
    return "packet#" + number + "(seq " + seqno + ", off " + offsetInBlock + ", len " + dataLen
        + (lastInBlock ? ", last" : "") + (sync ? ", sync" : "") + ")";
  }
}
