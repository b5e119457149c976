package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.InvalidPacketHeaderException;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.net.TimedChannelInput;
import io.quire.protocol.net.TimedSocketOutput;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link PacketBuffer} in a direct buffer, for the packets a DataNode receives on a write
 * pipeline ({@link BlockReceiver}): the kernel reads a frame from the socket's channel straight
 * into the buffer, it is forwarded downstream from the same buffer in one channel write, and its
 * data and checksums go to the block and meta files as slices of it, with no copy in user space
 * (a heap buffer costs the JDK a copy through a temporary direct buffer for each of these).
 *
 * <p>Bytes the connection's {@link TransferInput} already buffered (read with the request) are
 * taken from it first; everything after comes from the channel, each read bounded by the
 * socket timeout ({@link TimedChannelInput}). The header is read alone (a read never takes
 * bytes of the next packet) and decoded by {@link PacketHeader}, then the rest of the frame. A
 * socket without a channel is read through its stream (one copy). A received header may
 * declare at most {@code maxDataLen} data bytes.
 */
final class DirectPacketBuffer extends PacketBuffer {
  private final byte[] headerBytes = new byte[PacketHeader.SIZE];
  private final ByteBuffer headerBuf = ByteBuffer.wrap(headerBytes);
  private final int maxDataLen;
  private final TransferInput buffered;
  private final DataInputStream in;
  private final TimedChannelInput channel;
  private byte[] streamChunk;

  /**
   * @param maxDataLen the most data bytes a received packet may declare
   * @param owner the operation and block, for error messages
   * @param buffered the connection's buffered input ({@code in} reads from it)
   * @param channel the socket's channel input, or null to read everything through {@code in}
   */
  DirectPacketBuffer(BufferBudget budget, int maxDataLen, String owner, TransferInput buffered,
      DataInputStream in, TimedChannelInput channel) {
    super(budget, owner, ByteBuffer::allocateDirect);
    this.maxDataLen = maxDataLen;
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
    ByteBuffer buf = storage();
    buf.clear();
    buf.put(headerBytes);
    buf.limit(h.frameLength());
    fill(buf);
    setHeader(h);
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

  /** Writes the whole frame in one channel write; nothing may be buffered in front of out. */
  void writeTo(TimedSocketOutput out) throws IOException {
    out.write(slice(0, header().frameLength()));
  }
}
