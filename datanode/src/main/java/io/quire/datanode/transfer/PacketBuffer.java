package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.MalformedFrameException;
import io.quire.protocol.datatransfer.Packet;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One {@link Packet} frame held in a reusable byte array exactly as on the wire (header,
 * checksums, data), so a DataNode can verify it, forward it downstream and write it to disk
 * without copying it again. Not thread-safe.
 */
final class PacketBuffer {
  private byte[] buf = new byte[Packet.HEADER_SIZE + 64 * 1024 + Packet.checksumLenFor(64 * 1024)];
  private long offsetInBlock;
  private long seqno;
  private boolean last;
  private boolean sync;
  private int dataLen;
  private int checksumLen;

  /** Reads and validates one packet frame (sizes only). */
  void readFrom(DataInputStream in) throws IOException {
    in.readFully(buf, 0, Packet.HEADER_SIZE);
    ByteBuffer h = ByteBuffer.wrap(buf, 0, Packet.HEADER_SIZE);
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
    set(off, seq, (flags & Packet.FLAG_LAST) != 0, (flags & Packet.FLAG_SYNC) != 0, dl);
    in.readFully(buf, Packet.HEADER_SIZE, cl + dl);
  }

  /** Prepares a packet to send: writes the header; the caller fills checksums and data. */
  void prepare(long off, long seq, boolean lastPacket, boolean syncBlock, int dl) {
    set(off, seq, lastPacket, syncBlock, dl);
    ByteBuffer h = ByteBuffer.wrap(buf, 0, Packet.HEADER_SIZE);
    h.putLong(off).putLong(seq)
        .put((byte) ((lastPacket ? Packet.FLAG_LAST : 0) | (syncBlock ? Packet.FLAG_SYNC : 0)))
        .putInt(dl).putInt(checksumLen);
  }

  private void set(long off, long seq, boolean l, boolean s, int dl) {
    offsetInBlock = off;
    seqno = seq;
    last = l;
    sync = s;
    dataLen = dl;
    checksumLen = Packet.checksumLenFor(dl);
    int need = Packet.HEADER_SIZE + checksumLen + dl;
    if (buf.length < need) {
      buf = new byte[need];
    }
  }

  /** Writes the whole frame; the caller flushes. */
  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, Packet.HEADER_SIZE + checksumLen + dataLen);
  }

  /** Writes the header and checksums only; the caller sends the data and flushes. */
  void writeHeaderAndChecksumsTo(OutputStream out) throws IOException {
    out.write(buf, 0, Packet.HEADER_SIZE + checksumLen);
  }

  long getOffsetInBlock() { return offsetInBlock; }
  long getSeqno() { return seqno; }
  boolean isLast() { return last; }
  boolean isSync() { return sync; }
  int getDataLen() { return dataLen; }
  int getChecksumLen() { return checksumLen; }
  byte[] array() { return buf; }
  int checksumOffset() { return Packet.HEADER_SIZE; }
  int dataOffset() { return Packet.HEADER_SIZE + checksumLen; }

  /** The checksum bytes as a buffer positioned at 0. */
  ByteBuffer checksums() { return ByteBuffer.wrap(buf, checksumOffset(), checksumLen).slice(); }

  /** The data bytes as a buffer positioned at 0. */
  ByteBuffer data() { return ByteBuffer.wrap(buf, dataOffset(), dataLen).slice(); }
}
