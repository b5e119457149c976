package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.InvalidPacketHeaderException;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.net.TimedChannelInput;
import io.quire.protocol.net.TimedSocketOutput;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One received {@link Packet} frame held in a reusable direct buffer exactly as on the wire
 * (header, checksums, data): the kernel reads it from the socket's channel straight into the
 * buffer, it is forwarded downstream from the same buffer in one channel write, and its data
 * and checksums go to the block and meta files as slices of it, with no copy in user space
 * (a heap buffer costs the JDK a copy through a temporary direct buffer for each of these).
 *
 * <p>Bytes the connection's {@link TransferInput} already buffered (read with the request) are
 * taken from it first; everything after comes from the channel, each read bounded by the
 * socket timeout ({@link TimedChannelInput}). The header is read alone (a read never takes
 * bytes of the next packet), then the rest of the frame. A socket without a channel is read
 * through its stream (one copy).
 *
 * <p>The buffer starts empty and grows to the largest frame needed; every byte it grows by is
 * reserved from the DataNode's {@link BufferBudget} first, and all of them go back on
 * {@link #close()}. A received header may declare at most {@code maxDataLen} data bytes. Not
 * thread-safe.
 */
final class DirectPacketBuffer implements Closeable {
  private final byte[] headerBytes = new byte[PacketHeader.SIZE];
  private final ByteBuffer headerBuf = ByteBuffer.wrap(headerBytes);
  private final BufferBudget budget;
  private final int maxDataLen;
  private final String owner;
  private final TransferInput buffered;
  private final DataInputStream in;
  private final TimedChannelInput channel;
  private ByteBuffer buf = ByteBuffer.allocateDirect(0);
  private byte[] streamChunk;
  private PacketHeader header;

  /**
   * @param maxDataLen the most data bytes a received packet may declare
   * @param owner the operation and block, for error messages
   * @param buffered the connection's buffered input ({@code in} reads from it)
   * @param channel the socket's channel input, or null to read everything through {@code in}
   */
  DirectPacketBuffer(BufferBudget budget, int maxDataLen, String owner, TransferInput buffered,
      DataInputStream in, TimedChannelInput channel) {
    this.budget = budget;
    this.maxDataLen = maxDataLen;
    this.owner = owner;
    this.buffered = buffered;
    this.in = in;
    this.channel = channel;
  }

  /**
   * Reads and validates the next packet header (sizes only); its body follows with
   * {@link #readBody}.
   *
   * @throws InvalidPacketHeaderException for a header declaring more than the limit or
   *     impossible lengths (it names the declared seqno)
   */
  PacketHeader readHeader() throws IOException {
    headerBuf.clear();
    fill(headerBuf);
    return PacketHeader.decode(headerBytes, 0, maxDataLen);
  }

  /**
   * Makes room for {@code h}'s frame (within the budget), then reads its checksums and data.
   *
   * @throws BufferBudgetExhaustedException when the budget has no room in time
   */
  void readBody(PacketHeader h) throws IOException {
    ensureCapacity(h.frameLength());
    buf.clear();
    buf.put(headerBytes);
    buf.limit(h.frameLength());
    fill(buf);
    header = h;
  }

  /** Fills {@code dst} to its limit: buffered bytes first, then from the channel. */
  private void fill(ByteBuffer dst) throws IOException {
    int fromBuffer = Math.min(buffered.buffered(), dst.remaining());
    if (fromBuffer > 0 || channel == null) {
      copyFromStream(dst, channel == null ? dst.remaining() : fromBuffer);
    }
    if (dst.hasRemaining()) {
      channel.readFully(dst);
    }
  }

  private void copyFromStream(ByteBuffer dst, int len) throws IOException {
    if (dst.hasArray()) {
      in.readFully(dst.array(), dst.arrayOffset() + dst.position(), len);
      dst.position(dst.position() + len);
      return;
    }
    if (streamChunk == null) {
      streamChunk = new byte[TransferSockets.INPUT_BUFFER];
    }
    for (int left = len; left > 0; ) {
      int n = Math.min(left, streamChunk.length);
      in.readFully(streamChunk, 0, n);
      dst.put(streamChunk, 0, n);
      left -= n;
    }
  }

  /** Grows the buffer to {@code bytes}, reserving the growth from the budget (waits bounded). */
  private void ensureCapacity(int bytes) throws IOException {
    if (buf.capacity() < bytes) {
      int growth = bytes - buf.capacity();
      budget.reserve(growth, owner);
      try {
        buf = ByteBuffer.allocateDirect(bytes);
      } catch (OutOfMemoryError e) {
        budget.release(growth);
        throw e;
      }
    }
  }

  /** Gives the buffer's bytes back to the budget; the buffer is unusable afterwards. */
  @Override public void close() {
    budget.release(buf.capacity());
    buf = ByteBuffer.allocateDirect(0);
    header = null;
  }

  /** Writes the whole frame in one channel write; nothing may be buffered in front of out. */
  void writeTo(TimedSocketOutput out) throws IOException {
    out.write(slice(0, header.frameLength()));
  }

  PacketHeader header() { return header; }
  long getOffsetInBlock() { return header.offsetInBlock(); }
  long getSeqno() { return header.seqno(); }
  boolean isLast() { return header.lastPacketInBlock(); }
  boolean isSync() { return header.syncBlock(); }
  int getDataLen() { return header.dataLen(); }
  int getChecksumLen() { return header.checksumLen(); }

  /** The checksum bytes as a buffer positioned at 0 (a view of the frame). */
  ByteBuffer checksums() { return slice(PacketHeader.SIZE, getChecksumLen()); }

  /** The data bytes as a buffer positioned at 0 (a view of the frame). */
  ByteBuffer data() { return slice(PacketHeader.SIZE + getChecksumLen(), getDataLen()); }

  private ByteBuffer slice(int off, int len) {
    return buf.duplicate().limit(off + len).position(off).slice();
  }
}
