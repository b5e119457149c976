package io.quire.client;

import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.exceptions.ChecksumMismatchException;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeInfo;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.util.DataChecksum;

/**
 * Reads a byte range of one replica over READ_BLOCK: the DataNode streams packets from the
 * 512-aligned chunk at or before the requested offset; each packet's CRC32C chunks are verified
 * in bulk before any of its bytes are handed out, and the leading bytes before the requested
 * offset are skipped. A packet that fits whole in the caller's buffer (and inside the
 * requested range) is read straight into it and verified there; others go through one
 * reusable direct buffer, so the bytes are copied once on their way to the caller. The
 * caller's buffer may be a heap or a direct one: a direct buffer is filled by the kernel with
 * no intermediate copy. A checksum failure is a {@link ChecksumMismatchException} naming the
 * block, the node and the offset; the caller tries another replica and reports this one.
 */
final class BlockReader implements Closeable {
  private final Block block;
  private final DataNodeInfo node;
  private final DataNodeConnection conn;
  /** The checksum to verify with, null when checksums are off. */
  private final DataChecksum checksum;
  private final PacketReceiver packets;
  /** Offset in the block of the next byte to return. */
  private long pos;
  /** End (exclusive) of the range to return. */
  private final long end;
  /**
   * The packet read whole when it does not fit the caller's buffer: its unread bytes between
   * position and limit. Direct, from {@link FramePool} (given back on close), so the kernel
   * fills it and one copy takes it to the caller; null until first needed.
   */
  private ByteBuffer buf;
  private boolean sawLast;

  private BlockReader(Block block, DataNodeInfo node, DataNodeConnection conn, boolean verify,
      long offset, long end) {
    this.block = block;
    this.node = node;
    this.conn = conn;
    this.checksum = verify ? DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512) : null;
    this.packets = new PacketReceiver(conn);
    this.pos = offset;
    this.end = end;
  }

  /**
   * Opens a reader of [offset, offset+length) of {@code block} on {@code node}, sending
   * {@code token} (the located block's READ token).
   *
   * @throws io.quire.protocol.security.InvalidBlockTokenException when the node refuses the
   *     token (the caller fetches fresh locations)
   */
  static BlockReader open(Block block, Token<BlockTokenIdentifier> token, DataNodeInfo node,
      long offset, long length, String clientName, boolean verify, ClientOptions options)
      throws IOException {
    DataNodeConnection c = DataNodeConnection.open(node, options, options.writeTimeoutMs(0));
    try {
      new ReadBlockRequest(block, offset, length, clientName, token).write(c.out());
      c.out().flush();
      OpResponse r = c.readSuccess("READ_BLOCK " + block + " [" + offset + "+" + length + "]");
      long visibleEnd = Math.min(offset + length, Math.max(offset, r.getLength()));
      BlockReader reader = new BlockReader(block, node, c, verify, offset, visibleEnd);
      reader.skipTo(r.getChunkOffset());
      return reader;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  DataNodeInfo node() { return node; }
  Block block() { return block; }
  /** Offset in the block of the next byte {@link #read} returns. */
  long position() { return pos; }
  long end() { return end; }

  /**
   * Reads up to {@code dst.remaining()} (at least 1) bytes into {@code dst}, advancing its
   * position by the count; -1 at the end of the requested range. After a failure the position
   * is where it was and the bytes after it are undefined.
   */
  int read(ByteBuffer dst) throws IOException {
    if (pos >= end) {
      return -1;
    }
    if (!buffered()) {
      nextDataPacket();
      int n = packets.dataLen();
      if (n <= dst.remaining() && n <= end - pos) {
        receiveInto(dst);
        dst.position(dst.position() + n);
        pos += n;
        return n;
      }
      receiveIntoBuffer();
    }
    int n = (int) Math.min(Math.min(dst.remaining(), buf.remaining()), end - pos);
    int limit = buf.limit();
    dst.put(buf.limit(buf.position() + n));
    buf.limit(limit);
    pos += n;
    return n;
  }

  /** Skips forward {@code n} bytes within the range (n <= end - position()). */
  void skip(long n) throws IOException {
    while (n > 0) {
      if (!buffered()) {
        nextDataPacket();
        receiveIntoBuffer();
      }
      int k = (int) Math.min(n, buf.remaining());
      buf.position(buf.position() + k);
      pos += k;
      n -= k;
    }
  }

  /** Positions the buffer: the stream starts at chunkOffset, we want {@code pos}. */
  private void skipTo(long chunkOffset) throws IOException {
    long lead = pos - chunkOffset;
    if (lead < 0 || lead >= 512 && pos < end) {
      throw new IOException("READ_BLOCK " + block + " from " + node.getDataAddress()
          + ": data starts at " + chunkOffset + ", wanted " + pos);
    }
    long target = pos;
    pos = chunkOffset;
    skip(target - chunkOffset);
  }

  /** Reads packet headers up to the next one with data, which must start at {@link #pos}. */
  private void nextDataPacket() throws IOException {
    while (true) {
      if (sawLast) {
        throw new IOException("READ_BLOCK " + block + " from " + node.getDataAddress()
            + ": stream ended at offset " + pos + " before " + end);
      }
      packets.next();
      if (packets.isLast()) {
        sawLast = true;
      }
      if (packets.dataLen() == 0) {
        continue;
      }
      if (packets.offsetInBlock() != pos) {
        throw new IOException("READ_BLOCK " + block + " from " + node.getDataAddress()
            + ": packet at offset " + packets.offsetInBlock() + ", expected " + pos);
      }
      return;
    }
  }

  private boolean buffered() {
    return buf != null && buf.hasRemaining();
  }

  private void receiveIntoBuffer() throws IOException {
    int n = packets.dataLen();
    if (buf == null || buf.capacity() < n) {
      FramePool.shared().give(buf);
      buf = null;
      buf = FramePool.shared().take(n);
    }
    buf.clear().limit(0); // empty until the packet is in and verified
    receiveInto(buf);
    buf.limit(n);
  }

  /**
   * Reads the current packet's data into {@code dst} from its position and verifies it there;
   * the position is left alone.
   */
  private void receiveInto(ByteBuffer dst) throws IOException {
    try {
      packets.receive(dst, checksum, block.getName());
    } catch (ChecksumException e) {
      throw new ChecksumMismatchException("checksum error in " + block + " on DataNode "
          + node.getDataAddress() + " at offset " + e.getPos(), e);
    }
  }

  @Override public void close() {
    conn.close();
    FramePool.shared().give(buf);
    buf = null;
  }
}
