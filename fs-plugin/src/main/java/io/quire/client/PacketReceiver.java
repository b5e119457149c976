package io.quire.client;

import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.MalformedFrameException;
import io.quire.protocol.datatransfer.Packet;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.util.DataChecksum;

/**
 * Reads the {@link Packet}s of a READ_BLOCK stream in two steps, without allocating per
 * packet: {@link #next()} reads the header and the CRCs into reusable arrays, then
 * {@link #readData} reads the data into an array the caller chooses (the reader's own buffer,
 * or directly the application's when the whole packet fits there) and {@link #verify} checks
 * it in bulk. The wire format and its limits are {@link Packet}'s.
 */
final class PacketReceiver {
  private final DataInputStream in;
  private final byte[] header = new byte[Packet.HEADER_SIZE];
  private byte[] checksums = new byte[Packet.checksumLenFor(64 * 1024)];
  private long offsetInBlock;
  private long seqno;
  private boolean last;
  private int dataLen;
  private int checksumLen;

  PacketReceiver(DataInputStream in) {
    this.in = in;
  }

  /** Reads and validates the next packet's header and checksums; its data comes next. */
  void next() throws IOException {
    in.readFully(header);
    ByteBuffer h = ByteBuffer.wrap(header);
    long off = h.getLong();
    long seq = h.getLong();
    int flags = h.get();
    int dl = h.getInt();
    int cl = h.getInt();
    if (off < 0 || dl < 0 || dl > DataTransferProtocol.MAX_PACKET_DATA) {
      throw new MalformedFrameException("packet " + seq + ": data length " + dl
          + " or offset " + off + " out of range");
    }
    if (cl != Packet.checksumLenFor(dl)) {
      throw new MalformedFrameException("packet " + seq + ": checksum length " + cl
          + " does not match data length " + dl);
    }
    if (checksums.length < cl) {
      checksums = new byte[cl];
    }
    in.readFully(checksums, 0, cl);
    offsetInBlock = off;
    seqno = seq;
    last = (flags & Packet.FLAG_LAST) != 0;
    dataLen = dl;
    checksumLen = cl;
  }

  /** Reads the current packet's data into {@code dst[off, off + dataLen())}. */
  void readData(byte[] dst, int off) throws IOException {
    in.readFully(dst, off, dataLen);
  }

  /**
   * Verifies the current packet's data, read into {@code dst} at {@code off}, against its
   * CRCs; the exception's position is the offset in the block of the bad chunk.
   */
  void verify(DataChecksum checksum, byte[] dst, int off, String blockName)
      throws ChecksumException {
    checksum.verifyChunkedSums(ByteBuffer.wrap(dst, off, dataLen),
        ByteBuffer.wrap(checksums, 0, checksumLen), blockName, offsetInBlock);
  }

  long offsetInBlock() { return offsetInBlock; }
  long seqno() { return seqno; }
  boolean isLast() { return last; }
  int dataLen() { return dataLen; }
}
