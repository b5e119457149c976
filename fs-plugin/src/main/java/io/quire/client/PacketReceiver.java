package io.quire.client;

import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.util.DataChecksum;

/**
 * Reads the {@link Packet}s of a READ_BLOCK stream in two steps, without allocating per
 * packet: {@link #next()} reads the header and the CRCs into reusable arrays through the
 * connection's buffered input, then {@link #receive} reads the data into a buffer the caller
 * chooses (the reader's own, or directly the application's when the whole packet fits there):
 * the bytes the input already buffered first, the rest straight from the socket's channel (a
 * direct buffer is filled by the kernel without the JDK's temporary copy), then verifies the
 * packet there in bulk. (Verifying each chunk as soon as it arrived, while still in the CPU's
 * cache, measured no cheaper: the CRC runs at the same rate from L3.) The wire format is
 * {@link Packet}'s; the header is decoded, and its limits checked, by {@link PacketHeader}.
 */
final class PacketReceiver {
  private final DataNodeConnection conn;
  private final DataInputStream in;
  private final byte[] headerBytes = new byte[PacketHeader.SIZE];
  private byte[] checksums = new byte[PacketHeader.checksumLenFor(64 * 1024)];
  private byte[] bounce;
  private PacketHeader header;

  PacketReceiver(DataNodeConnection conn) {
    this.conn = conn;
    this.in = conn.in();
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

  /**
   * Reads the current packet's data into {@code dst} from its position ({@link #dataLen()}
   * bytes, which must fit before its limit) and, unless {@code checksum} is null, verifies it
   * there. {@code dst}'s position and limit are left alone; its bytes past the position are
   * undefined after a failure.
   *
   * @throws ChecksumException at the first bad chunk, its position the offset in the block
   */
  void receive(ByteBuffer dst, DataChecksum checksum, String blockName) throws IOException {
    int len = header.dataLen();
    ByteBuffer d = dst.duplicate();
    d.limit(d.position() + len);
    ByteBuffer data = d.slice();
    takeBuffered(d, len);
    while (d.hasRemaining()) {
      if (conn.channelIn().read(d) < 0) {
        throw new EOFException("READ_BLOCK " + blockName + " from "
            + conn.node().getDataAddress() + ": connection closed " + d.remaining()
            + " bytes before the end of the packet at offset " + header.offsetInBlock());
      }
    }
    if (checksum != null) {
      ChunkCrcs.verify(checksum, data, ByteBuffer.wrap(checksums, 0, header.checksumLen()),
          blockName, header.offsetInBlock());
    }
  }

  /** Copies what the buffered input holds (at most len) into {@code d}. */
  private void takeBuffered(ByteBuffer d, int len) throws IOException {
    int n = Math.min(conn.bufferedIn().buffered(), len);
    if (n == 0) {
      return;
    }
    if (d.hasArray()) {
      in.readFully(d.array(), d.arrayOffset() + d.position(), n);
      d.position(d.position() + n);
      return;
    }
    if (bounce == null || bounce.length < n) {
      bounce = new byte[n];
    }
    in.readFully(bounce, 0, n);
    d.put(bounce, 0, n);
  }

  long offsetInBlock() { return header.offsetInBlock(); }
  long seqno() { return header.seqno(); }
  boolean isLast() { return header.lastPacketInBlock(); }
  int dataLen() { return header.dataLen(); }
}
