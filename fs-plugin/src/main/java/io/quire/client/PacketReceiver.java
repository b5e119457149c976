package io.quire.client;

import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
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
 * it in bulk. The wire format is {@link Packet}'s; the header is decoded, and its limits
 * checked, by {@link PacketHeader}.
 */
final class PacketReceiver {
  private final DataInputStream in;
  private final byte[] headerBytes = new byte[PacketHeader.SIZE];
  private byte[] checksums = new byte[PacketHeader.checksumLenFor(64 * 1024)];
  private PacketHeader header;

  PacketReceiver(DataInputStream in) {
    this.in = in;
  }

  /** Reads and validates the next packet's header and checksums; its data comes next. */
  void next() throws IOException {
    in.readFully(headerBytes);
    header = PacketHeader.decode(headerBytes, 0);
    int cl = header.checksumLen();
    if (checksums.length < cl) {
      checksums = new byte[cl];
    }
    in.readFully(checksums, 0, cl);
  }

  /** Reads the current packet's data into {@code dst[off, off + dataLen())}. */
  void readData(byte[] dst, int off) throws IOException {
    in.readFully(dst, off, header.dataLen());
  }

  /**
   * Verifies the current packet's data, read into {@code dst} at {@code off}, against its
   * CRCs; the exception's position is the offset in the block of the bad chunk.
   */
  void verify(DataChecksum checksum, byte[] dst, int off, String blockName)
      throws ChecksumException {
    checksum.verifyChunkedSums(ByteBuffer.wrap(dst, off, header.dataLen()),
        ByteBuffer.wrap(checksums, 0, header.checksumLen()), blockName, header.offsetInBlock());
  }

  long offsetInBlock() { return header.offsetInBlock(); }
  long seqno() { return header.seqno(); }
  boolean isLast() { return header.lastPacketInBlock(); }
  int dataLen() { return header.dataLen(); }
}
