package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.PacketHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A {@link PacketBuffer} in a byte array, for the packets a DataNode sends ({@link BlockSender}):
 * the header is encoded by {@link PacketHeader} into the array once the array has its final
 * size, and the sender fills the checksums and (unless the data goes zero-copy) the data in
 * place at {@link #checksumOffset()} and {@link #dataOffset()}, then writes the frame to a
 * stream.
 */
final class HeapPacketBuffer extends PacketBuffer {
  /** @param owner the operation and block, for error messages */
  HeapPacketBuffer(BufferBudget budget, String owner) {
    super(budget, owner, ByteBuffer::allocate);
  }

  /** Prepares a whole packet to send: header encoded, room for checksums and data. */
  void prepare(PacketHeader h) throws IOException {
    prepare(h, h.frameLength());
  }

  /** Prepares a packet whose data is sent separately: room for header and checksums only. */
  void prepareHeaderAndChecksums(PacketHeader h) throws IOException {
    prepare(h, h.dataOffset());
  }

  private void prepare(PacketHeader h, int need) throws IOException {
    ensureCapacity(need);
    h.encode(array(), 0);
    setHeader(h);
  }

  /** Writes the whole frame; the caller flushes. */
  void writeTo(OutputStream out) throws IOException {
    out.write(array(), 0, header().frameLength());
  }

  /** Writes the header and checksums only; the caller sends the data and flushes. */
  void writeHeaderAndChecksumsTo(OutputStream out) throws IOException {
    out.write(array(), 0, header().dataOffset());
  }

  /** The frame's bytes (replaced when the buffer grows). */
  byte[] array() { return storage().array(); }

  int checksumOffset() { return PacketHeader.CHECKSUM_OFFSET; }

  int dataOffset() { return header().dataOffset(); }
}
