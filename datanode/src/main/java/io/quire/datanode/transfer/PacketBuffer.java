package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.InvalidPacketHeaderException;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One {@link Packet} frame held in a reusable byte array exactly as on the wire (header,
 * checksums, data), so a DataNode can verify it, forward it downstream and write it to disk
 * without copying it again. The header is encoded and decoded by {@link PacketHeader} only, and
 * written into the array after the array has its final size.
 *
 * <p>The array starts empty and grows to the largest frame needed; every byte it grows by is
 * reserved from the DataNode's {@link BufferBudget} first, and all of them go back on
 * {@link #close()}. A received header may declare at most {@code maxDataLen} data bytes. Not
 * thread-safe.
 */
final class PacketBuffer implements Closeable {
  private final byte[] headerBytes = new byte[PacketHeader.SIZE];
  private final BufferBudget budget;
  private final int maxDataLen;
  private final String owner;
  private byte[] buf = new byte[0];
  private PacketHeader header;

  /**
   * @param maxDataLen the most data bytes a received packet may declare
   * @param owner the operation and block, for error messages
   */
  PacketBuffer(BufferBudget budget, int maxDataLen, String owner) {
    this.budget = budget;
    this.maxDataLen = maxDataLen;
    this.owner = owner;
  }

  /**
   * Reads and validates the next packet header (sizes only); its body follows with
   * {@link #readBody}.
   *
   * @throws InvalidPacketHeaderException for a header declaring more than the limit or
   *     impossible lengths (it names the declared seqno)
   */
  PacketHeader readHeader(DataInputStream in) throws IOException {
    in.readFully(headerBytes);
    return PacketHeader.decode(headerBytes, 0, maxDataLen);
  }

  /**
   * Makes room for {@code h}'s frame (within the budget), then reads its checksums and data.
   *
   * @throws BufferBudgetExhaustedException when the budget has no room in time
   */
  void readBody(DataInputStream in, PacketHeader h) throws IOException {
    setHeader(h, h.frameLength());
    in.readFully(buf, PacketHeader.SIZE, h.checksumLen() + h.dataLen());
  }

  /** Reads and validates one whole packet frame: {@link #readHeader} then {@link #readBody}. */
  void readFrom(DataInputStream in) throws IOException {
    readBody(in, readHeader(in));
  }

  /** Prepares a whole packet to send: header encoded, room for checksums and data. */
  void prepare(PacketHeader h) throws IOException {
    setHeader(h, h.frameLength());
  }

  /** Prepares a packet whose data is sent separately: room for header and checksums only. */
  void prepareHeaderAndChecksums(PacketHeader h) throws IOException {
    setHeader(h, PacketHeader.SIZE + h.checksumLen());
  }

  /** Grows the array to {@code bytes}, reserving the growth from the budget (waits bounded). */
  void ensureCapacity(int bytes) throws IOException {
    if (buf.length < bytes) {
      int growth = bytes - buf.length;
      budget.reserve(growth, owner);
      try {
        buf = new byte[bytes];
      } catch (OutOfMemoryError e) {
        budget.release(growth);
        throw e;
      }
    }
  }

  private void setHeader(PacketHeader h, int need) throws IOException {
    ensureCapacity(need);
    h.encode(buf, 0);
    header = h;
  }

  /** Gives the array's bytes back to the budget; the buffer is unusable afterwards. */
  @Override public void close() {
    budget.release(buf.length);
    buf = new byte[0];
    header = null;
  }

  /** Writes the whole frame; the caller flushes. */
  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, header.frameLength());
  }

  /** Writes the header and checksums only; the caller sends the data and flushes. */
  void writeHeaderAndChecksumsTo(OutputStream out) throws IOException {
    out.write(buf, 0, PacketHeader.SIZE + header.checksumLen());
  }

  PacketHeader header() { return header; }
  long getOffsetInBlock() { return header.offsetInBlock(); }
  long getSeqno() { return header.seqno(); }
  boolean isLast() { return header.lastPacketInBlock(); }
  boolean isSync() { return header.syncBlock(); }
  int getDataLen() { return header.dataLen(); }
  int getChecksumLen() { return header.checksumLen(); }
  byte[] array() { return buf; }
  int checksumOffset() { return PacketHeader.SIZE; }
  int dataOffset() { return PacketHeader.SIZE + header.checksumLen(); }

  /** The checksum bytes as a buffer positioned at 0. */
  ByteBuffer checksums() {
    return ByteBuffer.wrap(buf, checksumOffset(), getChecksumLen()).slice();
  }

  /** The data bytes as a buffer positioned at 0. */
  ByteBuffer data() { return ByteBuffer.wrap(buf, dataOffset(), getDataLen()).slice(); }
}
