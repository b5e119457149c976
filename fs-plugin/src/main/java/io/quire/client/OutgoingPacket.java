package io.quire.client;

import io.quire.protocol.datatransfer.Packet;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.util.DataChecksum;

/**
 * A packet being filled by the writer and then sent down a pipeline, resent after a pipeline
 * recovery. The wire format is {@link Packet}'s; the seqno is given per pipeline when sent,
 * so a recovered pipeline numbers from 0 again.
 *
 * <p>Checksums are computed once, in bulk, when the packet is sealed: CRC32C of each 512-byte
 * slice counted from the packet's first byte. A packet never crosses a chunk boundary of the
 * block except at its own slice boundaries: one that starts mid-chunk (after an hflush of a
 * partial chunk, or an append) is limited to the rest of that chunk.
 */
final class OutgoingPacket {
  /** Seqno of heartbeat packets (as HDFS's), outside the pipeline's 0, 1, ... sequence. */
  static final long HEARTBEAT_SEQNO = -1;

  private final long offsetInBlock;
  private final byte[] data;
  private final boolean lastInBlock;
  private int dataLen;
  private boolean sync;
  private byte[] checksums;
  /** Position in the stream's enqueue order (1, 2, ...), used to wait for acknowledgement. */
  private long number;
  private long seqno = -1;
  private boolean heartbeat;

  private OutgoingPacket(long offsetInBlock, int capacity, boolean lastInBlock) {
    this.offsetInBlock = offsetInBlock;
    this.data = new byte[capacity];
    this.lastInBlock = lastInBlock;
  }

  /** An empty data packet holding up to {@code capacity} bytes starting at offsetInBlock. */
  static OutgoingPacket forData(long offsetInBlock, int capacity) {
    return new OutgoingPacket(offsetInBlock, capacity, false);
  }

  /**
   * An empty, non-last packet sent on an idle pipeline so the DataNodes' socket timeouts do
   * not close it; it is never queued nor resent. Its seqno is {@link #HEARTBEAT_SEQNO}, and
   * the DataNodes ack it like any other packet without writing anything.
   */
  static OutgoingPacket heartbeat(long offsetInBlock) {
    OutgoingPacket p = new OutgoingPacket(offsetInBlock, 0, false);
    p.checksums = new byte[0];
    p.heartbeat = true;
    return p;
  }

  /** The empty packet that ends a block (the DataNodes finalize their replicas on it). */
  static OutgoingPacket endOfBlock(long blockLength) {
    OutgoingPacket p = new OutgoingPacket(blockLength, 0, true);
    p.checksums = new byte[0];
    return p;
  }

  /** Copies as much of {@code b[off, off+len)} as fits; returns the count copied. */
  int append(byte[] b, int off, int len) {
    int n = Math.min(len, data.length - dataLen);
    System.arraycopy(b, off, data, dataLen, n);
    dataLen += n;
    return n;
  }

  /** Appends one byte; the caller checked {@link #isFull()}. */
  void append(int b) {
    data[dataLen++] = (byte) b;
  }

  boolean isFull() { return dataLen == data.length; }

  /** Computes the chunk CRCs; no data may be added afterwards. */
  void seal(DataChecksum checksum, boolean syncBlock) {
    this.sync = syncBlock;
    if (checksums == null) {
      checksums = new byte[Packet.checksumLenFor(dataLen)];
      checksum.calculateChunkedSums(data, 0, dataLen, checksums, 0);
    }
  }

  /**
   * Writes the packet with the given pipeline seqno (a heartbeat keeps its own); the caller
   * flushes.
   */
  void writeTo(DataOutputStream out, long pipelineSeqno) throws IOException {
    this.seqno = heartbeat ? HEARTBEAT_SEQNO : pipelineSeqno;
    new Packet(offsetInBlock, seqno, lastInBlock, sync, checksums, data, dataLen)
        .write(out);
  }

  long offsetInBlock() { return offsetInBlock; }
  int dataLen() { return dataLen; }
  long endOffsetInBlock() { return offsetInBlock + dataLen; }
  boolean isLastInBlock() { return lastInBlock; }
  boolean isHeartbeat() { return heartbeat; }
  boolean isSync() { return sync; }
  byte[] checksums() { return checksums; }
  byte[] data() { return data; }
  long number() { return number; }
  void setNumber(long n) { number = n; }
  long seqno() { return seqno; }

  @Override public String toString() {
    return "packet#" + number + "(seq " + seqno + ", off " + offsetInBlock + ", len " + dataLen
        + (lastInBlock ? ", last" : "") + (sync ? ", sync" : "") + ")";
  }
}
