package io.quire.protocol.datatransfer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A whole data packet as one value: {@link PacketHeader} (its format and limits), then
 * {@code checksumLen} bytes of CRC32C, one big-endian int per 512-byte chunk of data (the last
 * chunk may be shorter), then {@code dataLen} data bytes. {@code offsetInBlock} is a multiple
 * of 512 except when a writer continues a partial last chunk: such a packet still carries CRCs
 * of its own 512-byte slices, and the DataNode recomputes the on-disk chunk CRC.
 *
 * <p>The hot paths keep packets in reusable frames instead (the client's OutgoingPacket and
 * PacketReceiver, the DataNode's PacketBuffer); all of them encode and decode the header with
 * {@link PacketHeader}.
 */
public final class Packet {
  private final PacketHeader header;
  private final byte[] checksums;
  private final byte[] data;

  public Packet(long offsetInBlock, long seqno, boolean lastPacketInBlock, boolean syncBlock,
      byte[] checksums, byte[] data, int dataLen) {
    this(new PacketHeader(offsetInBlock, seqno, lastPacketInBlock, syncBlock, dataLen),
        checksums, data);
  }

  private Packet(PacketHeader header, byte[] checksums, byte[] data) {
    if (checksums.length != header.checksumLen() || data.length < header.dataLen()) {
      throw new IllegalArgumentException("packet " + header.seqno() + ": " + checksums.length
          + " checksum bytes and a " + data.length + "-byte buffer for " + header.dataLen()
          + " data bytes");
    }
    this.header = header;
    this.checksums = checksums;
    this.data = data;
  }

  public PacketHeader getHeader() { return header; }
  public long getOffsetInBlock() { return header.offsetInBlock(); }
  public long getSeqno() { return header.seqno(); }
  public boolean isLastPacketInBlock() { return header.lastPacketInBlock(); }
  public boolean isSyncBlock() { return header.syncBlock(); }
  /** Checksum bytes (length = 4 * number of chunks). */
  public byte[] getChecksums() { return checksums; }
  /** Data buffer; only the first {@link #getDataLen()} bytes are data. */
  public byte[] getData() { return data; }
  public int getDataLen() { return header.dataLen(); }

  /** Bytes of chunk CRCs covering {@code dataLen} data bytes (see PacketHeader). */
  public static int checksumLenFor(int dataLen) {
    return PacketHeader.checksumLenFor(dataLen);
  }

  /** Writes the packet; the caller flushes. */
  public void write(DataOutput out) throws IOException {
    header.write(out);
    out.write(checksums, 0, checksums.length);
    out.write(data, 0, header.dataLen());
  }

  /** Reads and validates one packet (sizes only; checksums are verified by the receiver). */
  public static Packet read(DataInput in) throws IOException {
    PacketHeader h = PacketHeader.read(in);
    byte[] cs = new byte[h.checksumLen()];
    in.readFully(cs);
    byte[] data = new byte[h.dataLen()];
    in.readFully(data);
    return new Packet(h, cs, data);
  }
}
