package io.quire.protocol.datatransfer;

import io.quire.protocol.QuireConfigKeys;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A data packet: header, CRC32C checksums, data.
 *
 * <pre>
 * long offsetInBlock   offset of the first data byte in the block (a multiple of 512 except
 *                      when a writer continues a partial last chunk)
 * long seqno           increasing per pipeline, from 0
 * byte flags           bit 0: lastPacketInBlock, bit 1: syncBlock (force to disk before ack)
 * int  dataLen         0..MAX_PACKET_DATA
 * int  checksumLen     4 * ceil(dataLen / 512)
 * byte[checksumLen]    CRC32C of each 512-byte chunk of data (the last may be shorter), big-endian
 * byte[dataLen]        data
 * </pre>
 *
 * A packet whose chunks start mid-chunk on disk (append to a partial chunk) still carries
 * CRCs of its own 512-byte slices; the DataNode recomputes the on-disk chunk CRC.
 */
public final class Packet {
  public static final int FLAG_LAST = 1;
  public static final int FLAG_SYNC = 2;
  /** Bytes of the fixed header. */
  public static final int HEADER_SIZE = 8 + 8 + 1 + 4 + 4;

  private final long offsetInBlock;
  private final long seqno;
  private final boolean lastPacketInBlock;
  private final boolean syncBlock;
  private final byte[] checksums;
  private final byte[] data;
  private final int dataLen;

  public Packet(long offsetInBlock, long seqno, boolean lastPacketInBlock, boolean syncBlock,
      byte[] checksums, byte[] data, int dataLen) {
    this.offsetInBlock = offsetInBlock;
    this.seqno = seqno;
    this.lastPacketInBlock = lastPacketInBlock;
    this.syncBlock = syncBlock;
    this.checksums = checksums;
    this.data = data;
    this.dataLen = dataLen;
  }

  public long getOffsetInBlock() { return offsetInBlock; }
  public long getSeqno() { return seqno; }
  public boolean isLastPacketInBlock() { return lastPacketInBlock; }
  public boolean isSyncBlock() { return syncBlock; }
  /** Checksum bytes (length = 4 * number of chunks). */
  public byte[] getChecksums() { return checksums; }
  /** Data buffer; only the first {@link #getDataLen()} bytes are data. */
  public byte[] getData() { return data; }
  public int getDataLen() { return dataLen; }

  public static int checksumLenFor(int dataLen) {
    int bpc = QuireConfigKeys.BYTES_PER_CHECKSUM;
    return 4 * ((dataLen + bpc - 1) / bpc);
  }

  /** Writes the packet; the caller flushes. */
  public void write(DataOutput out) throws IOException {
    out.writeLong(offsetInBlock);
    out.writeLong(seqno);
    out.writeByte((lastPacketInBlock ? FLAG_LAST : 0) | (syncBlock ? FLAG_SYNC : 0));
    out.writeInt(dataLen);
    out.writeInt(checksums.length);
    out.write(checksums, 0, checksums.length);
    out.write(data, 0, dataLen);
  }

  /** Reads and validates one packet (sizes only; checksums are verified by the receiver). */
  public static Packet read(DataInput in) throws IOException {
    long off = in.readLong();
    long seq = in.readLong();
    int flags = in.readByte();
    int dataLen = in.readInt();
    int csLen = in.readInt();
    if (off < 0 || dataLen < 0 || dataLen > DataTransferProtocol.MAX_PACKET_DATA) {
      throw new MalformedFrameException("packet " + seq + ": data length " + dataLen
          + " or offset " + off + " out of range");
    }
    if (csLen != checksumLenFor(dataLen)) {
      throw new MalformedFrameException("packet " + seq + ": checksum length " + csLen
          + " does not match data length " + dataLen);
    }
    byte[] cs = new byte[csLen];
    in.readFully(cs);
    byte[] data = new byte[dataLen];
    in.readFully(data);
    return new Packet(off, seq, (flags & FLAG_LAST) != 0, (flags & FLAG_SYNC) != 0, cs, data,
        dataLen);
  }
}
