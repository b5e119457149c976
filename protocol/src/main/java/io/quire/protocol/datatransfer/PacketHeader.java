package io.quire.protocol.datatransfer;

import io.quire.protocol.QuireConfigKeys;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The fixed header of a data-transfer {@link Packet}, and the only code that encodes or
 * decodes it: the client's write packets, the DataNode's receive and forward path, the
 * DataNode's read packets and the client's read path all go through this class.
 *
 * <h2>Format</h2>
 * {@value #SIZE} bytes, big-endian:
 * <pre>
 * offset size field
 *  0     8    long offsetInBlock  block offset of the first data byte, &gt;= 0
 *  8     8    long seqno          per pipeline from 0; -1 for a write heartbeat
 * 16     1    byte flags          bit 0 ({@link #FLAG_LAST}): lastPacketInBlock,
 *                                 bit 1 ({@link #FLAG_SYNC}): syncBlock (force to disk before
 *                                 the ack); the other bits are 0
 * 17     4    int  dataLen        0..the receiver's limit (at most
 *                                 {@link DataTransferProtocol#MAX_PACKET_DATA})
 * 21     4    int  checksumLen    4 * ceil(dataLen / {@value QuireConfigKeys#BYTES_PER_CHECKSUM})
 * </pre>
 * The {@code checksumLen} bytes of chunk CRCs and the {@code dataLen} data bytes follow (see
 * {@link Packet}): in a frame, the CRCs start at {@link #CHECKSUM_OFFSET} and the data at
 * {@link #dataOffset()}. The header has no version of its own: it belongs to data-transfer protocol
 * version {@value #PROTOCOL_VERSION} ({@link DataTransferProtocol#VERSION}, sent once at the
 * start of every connection), and a change to it needs a new protocol version. (Version 2
 * added block access tokens to the requests; the header is as in version 1.)
 *
 * <p>A header that breaks any rule above is rejected with an {@link InvalidPacketHeaderException}
 * carrying the seqno it declared, so a receiver can answer that packet with an error ack.
 */
public record PacketHeader(long offsetInBlock, long seqno, boolean lastPacketInBlock,
    boolean syncBlock, int dataLen) {
  /** Bytes of the encoded header. */
  public static final int SIZE = 8 + 8 + 1 + 4 + 4;
  /** Where the chunk CRCs start in a frame: right after the header. */
  public static final int CHECKSUM_OFFSET = SIZE;
  /** The data-transfer protocol version this layout belongs to. */
  public static final short PROTOCOL_VERSION = 2;
  /** Flag bit: the empty packet that ends a block (the replica is finalized on it). */
  public static final int FLAG_LAST = 1;
  /** Flag bit: force the packet to disk before acknowledging it (hsync). */
  public static final int FLAG_SYNC = 2;
  private static final int KNOWN_FLAGS = FLAG_LAST | FLAG_SYNC;

  public PacketHeader {
    if (offsetInBlock < 0 || dataLen < 0 || dataLen > DataTransferProtocol.MAX_PACKET_DATA) {
      throw new IllegalArgumentException("packet " + seqno + ": offset " + offsetInBlock
          + " or data length " + dataLen + " out of range");
    }
  }

  /** Bytes of chunk CRCs that cover {@code dataLen} data bytes. */
  public static int checksumLenFor(int dataLen) {
    int bpc = QuireConfigKeys.BYTES_PER_CHECKSUM;
    return 4 * ((dataLen + bpc - 1) / bpc);
  }

  /** Bytes of the CRCs following this header. */
  public int checksumLen() { return checksumLenFor(dataLen); }

  /** Where the data starts in a frame: after the header and the CRCs. */
  public int dataOffset() { return CHECKSUM_OFFSET + checksumLen(); }

  /** Bytes of the whole frame: header, CRCs and data. */
  public int frameLength() { return dataOffset() + dataLen; }

  /** The flags byte. */
  public int flags() { return (lastPacketInBlock ? FLAG_LAST : 0) | (syncBlock ? FLAG_SYNC : 0); }

  /** Writes the header into {@code dst[off, off + SIZE)}. */
  public void encode(byte[] dst, int off) {
    ByteBuffer.wrap(dst, off, SIZE).putLong(offsetInBlock).putLong(seqno).put((byte) flags())
        .putInt(dataLen).putInt(checksumLen());
  }

  /** Writes the header to {@code out}; the caller writes CRCs and data and flushes. */
  public void write(DataOutput out) throws IOException {
    byte[] b = new byte[SIZE];
    encode(b, 0);
    out.write(b);
  }

  /**
   * Decodes and validates the header in {@code src[off, off + SIZE)}, accepting data up to the
   * protocol maximum.
   */
  public static PacketHeader decode(byte[] src, int off) throws InvalidPacketHeaderException {
    return decode(src, off, DataTransferProtocol.MAX_PACKET_DATA);
  }

  /**
   * Decodes and validates the header in {@code src[off, off + SIZE)}, accepting at most
   * {@code maxDataLen} data bytes (itself capped at {@link DataTransferProtocol#MAX_PACKET_DATA}).
   */
  public static PacketHeader decode(byte[] src, int off, int maxDataLen)
      throws InvalidPacketHeaderException {
    ByteBuffer h = ByteBuffer.wrap(src, off, SIZE);
    long offset = h.getLong();
    long seq = h.getLong();
    int flags = h.get() & 0xFF;
    int dl = h.getInt();
    int cl = h.getInt();
    int max = Math.min(maxDataLen, DataTransferProtocol.MAX_PACKET_DATA);
    if (dl < 0 || dl > max) {
      throw new InvalidPacketHeaderException(seq, "packet " + seq + ": data length " + dl
          + " out of range [0, " + max + "]", dl > max);
    }
    if (offset < 0) {
      throw new InvalidPacketHeaderException(seq, "packet " + seq + ": negative offset in block "
          + offset, false);
    }
    if (cl != checksumLenFor(dl)) {
      throw new InvalidPacketHeaderException(seq, "packet " + seq + ": checksum length " + cl
          + " does not match data length " + dl, false);
    }
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw new InvalidPacketHeaderException(seq, "packet " + seq + ": unknown flags 0x"
          + Integer.toHexString(flags), false);
    }
    return new PacketHeader(offset, seq, (flags & FLAG_LAST) != 0, (flags & FLAG_SYNC) != 0, dl);
  }

  /** Reads and validates one header (up to the protocol maximum data length). */
  public static PacketHeader read(DataInput in) throws IOException {
    return read(in, DataTransferProtocol.MAX_PACKET_DATA);
  }

  /** Reads and validates one header accepting at most {@code maxDataLen} data bytes. */
  public static PacketHeader read(DataInput in, int maxDataLen) throws IOException {
    byte[] b = new byte[SIZE];
    in.readFully(b);
    return decode(b, 0, maxDataLen);
  }
}
