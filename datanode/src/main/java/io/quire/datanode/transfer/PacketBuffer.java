package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * One {@link Packet} frame held in a reusable buffer exactly as on the wire: the header at 0,
 * then the checksums, then the data, at the offsets {@link PacketHeader} gives (the protocol
 * module's codec is the only code that knows the frame layout and encodes or decodes a header).
 * The two kinds differ only in where the bytes come from and go to:
 * {@link HeapPacketBuffer} frames the packets a DataNode sends (READ_BLOCK answers, TRANSFER
 * copies) in a byte array, {@link DirectPacketBuffer} holds the packets it receives on a write
 * pipeline in a direct buffer, to forward and store them without a copy.
 *
 * <p>The buffer starts empty and grows to the largest frame needed; every byte it grows by is
 * reserved from the DataNode's {@link BufferBudget} first, and all of them go back on
 * {@link #close()}. Not thread-safe.
 */
abstract sealed class PacketBuffer implements Closeable
    permits HeapPacketBuffer, DirectPacketBuffer {
  private final BufferBudget budget;
  private final String owner;
  private final IntFunction<ByteBuffer> allocator;
  private ByteBuffer buf;
  private PacketHeader header;

  /**
   * @param owner the operation and block, for error messages
   * @param allocator makes the storage ({@code ByteBuffer::allocate} or
   *     {@code ByteBuffer::allocateDirect})
   */
  PacketBuffer(BufferBudget budget, String owner, IntFunction<ByteBuffer> allocator) {
    this.budget = budget;
    this.owner = owner;
    this.allocator = allocator;
    this.buf = allocator.apply(0);
  }

  /**
   * Grows the storage to {@code bytes} (its contents are not kept), reserving the growth from
   * the budget first.
   *
   * @throws BufferBudgetExhaustedException when the budget has no room in time
   */
  final void ensureCapacity(int bytes) throws IOException {
    if (buf.capacity() < bytes) {
      int growth = bytes - buf.capacity();
      budget.reserve(growth, owner);
      try {
        buf = allocator.apply(bytes);
      } catch (OutOfMemoryError e) {
        budget.release(growth);
        throw e;
      }
    }
  }

  /** Gives the storage's bytes back to the budget; the buffer is unusable afterwards. */
  @Override public final void close() {
    budget.release(buf.capacity());
    buf = allocator.apply(0);
    header = null;
  }

  /** The storage (replaced when it grows): the frame starts at 0. */
  final ByteBuffer storage() { return buf; }

  /** Records the header of the frame now held. */
  final void setHeader(PacketHeader h) { header = h; }

  final PacketHeader header() { return header; }
  final long getOffsetInBlock() { return header.offsetInBlock(); }
  final long getSeqno() { return header.seqno(); }
  final boolean isLast() { return header.lastPacketInBlock(); }
  final boolean isSync() { return header.syncBlock(); }
  final int getDataLen() { return header.dataLen(); }
  final int getChecksumLen() { return header.checksumLen(); }

  /** The checksum bytes as a buffer positioned at 0 (a view of the frame). */
  final ByteBuffer checksums() { return slice(PacketHeader.CHECKSUM_OFFSET, getChecksumLen()); }

  /** The data bytes as a buffer positioned at 0 (a view of the frame). */
  final ByteBuffer data() { return slice(header.dataOffset(), getDataLen()); }

  /** {@code len} bytes of the frame from {@code off}, as a buffer positioned at 0. */
  final ByteBuffer slice(int off, int len) {
    return buf.duplicate().limit(off + len).position(off).slice();
  }
}
