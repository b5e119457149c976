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
 * direct buffer is filled by the kernel without the JDK's temporary copy). Each whole chunk is
 * verified as soon as it has arrived, while it is still in the CPU's cache, so the data is
 * read from memory once. The wire format is {@link Packet}'s; the header is decoded, and its
 * limits checked, by {@link PacketHeader}.
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
   * there chunk by chunk as it arrives. {@code dst}'s position and limit are left alone; its
   * bytes past the position are undefined after a failure.
   *
   * @throws ChecksumException at the first bad chunk, its position the offset in the block
   */
  void receive(ByteBuffer dst, DataChecksum checksum, String blockName) throws IOException {
    int len = header.dataLen();
    ByteBuffer d = dst.duplicate();
    int base = d.position();
    d.limit(base + len);
    int got = takeBuffered(d, len);
    int verified = verifyUpTo(checksum, dst, base, 0, got, len, blockName);
    while (got < len) {
      int n = conn.channelIn().read(d);
      if (n < 0) {
        throw new EOFException("READ_BLOCK " + blockName + " from "
            + conn.node().getDataAddress() + ": connection closed " + (len - got)
            + " bytes before the end of the packet at offset " + header.offsetInBlock());
      }
      got += n;
      verified = verifyUpTo(checksum, dst, base, verified, got, len, blockName);
    }
  }

  /** Copies what the buffered input holds (at most len) into {@code d}; returns the count. */
  private int takeBuffered(ByteBuffer d, int len) throws IOException {
    int n = Math.min(conn.bufferedIn().buffered(), len);
    if (n == 0) {
      return 0;
    }
    if (d.hasArray()) {
      in.readFully(d.array(), d.arrayOffset() + d.position(), n);
      d.position(d.position() + n);
      return n;
    }
    if (bounce == null || bounce.length < n) {
      bounce = new byte[n];
    }
    in.readFully(bounce, 0, n);
    d.put(bounce, 0, n);
    return n;
  }

  /**
   * Verifies the whole chunks received in [verified, got) of the data (all of it once
   * {@code got == len}); returns the new verified length.
   */
  private int verifyUpTo(DataChecksum checksum, ByteBuffer dst, int base, int verified, int got,
      int len, String blockName) throws ChecksumException {
    if (checksum == null) {
      return got;
    }
    int bpc = checksum.getBytesPerChecksum();
    int upTo = got == len ? len : got - got % bpc;
    if (upTo <= verified) {
      return verified;
    }
    ByteBuffer data = dst.duplicate();
    data.limit(base + upTo).position(base + verified);
    int sumSize = checksum.getChecksumSize();
    int firstSum = verified / bpc * sumSize;
    int lastSum = (upTo + bpc - 1) / bpc * sumSize;
    ChunkCrcs.verify(checksum, data, ByteBuffer.wrap(checksums, firstSum, lastSum - firstSum),
        blockName, header.offsetInBlock() + verified);
    return upTo;
  }

  long offsetInBlock() { return header.offsetInBlock(); }
  long seqno() { return header.seqno(); }
  boolean isLast() { return header.lastPacketInBlock(); }
  int dataLen() { return header.dataLen(); }
}
