package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One {@link Packet} frame held in a reusable byte array exactly as on the wire (header,
 * checksums, data), so a DataNode can verify it, forward it downstream and write it to disk
 * without copying it again. The header is encoded and decoded by {@link PacketHeader} only; the
 * array grows to the largest frame seen, and the header is written into the array after it
 * has its final size. Not thread-safe.
 */
final class PacketBuffer {
  private static final int INITIAL_DATA = 64 * 1024;

  private final byte[] headerBytes = new byte[PacketHeader.SIZE];
  private byte[] buf = new byte[PacketHeader.SIZE + PacketHeader.checksumLenFor(INITIAL_DATA)
      + INITIAL_DATA];
  private PacketHeader header;

  /** Reads and validates one packet frame (sizes only). */
  void readFrom(DataInputStream in) throws IOException {
    in.readFully(headerBytes);
    PacketHeader h = PacketHeader.decode(headerBytes, 0);
    setHeader(h);
    in.readFully(buf, PacketHeader.SIZE, h.checksumLen() + h.dataLen());
  }

  /** Prepares a packet to send: writes the header; the caller fills checksums and data. */
  void prepare(PacketHeader h) {
    setHeader(h);
  }

  /** Makes room for {@code h}'s whole frame, then encodes {@code h} at the start of it. */
  private void setHeader(PacketHeader h) {
    if (buf.length < h.frameLength()) {
      buf = new byte[h.frameLength()];
    }
    h.encode(buf, 0);
    header = h;
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
  ByteBuffer checksums() { return ByteBuffer.wrap(buf, checksumOffset(), getChecksumLen()).slice(); }

  /** The data bytes as a buffer positioned at 0. */
  ByteBuffer data() { return ByteBuffer.wrap(buf, dataOffset(), getDataLen()).slice(); }
}
