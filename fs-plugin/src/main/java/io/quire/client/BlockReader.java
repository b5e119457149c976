package io.quire.client;

import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.exceptions.ChecksumMismatchException;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeInfo;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.util.DataChecksum;

/**
 * Reads a byte range of one replica over READ_BLOCK: the DataNode streams packets from the
 * 512-aligned chunk at or before the requested offset; each packet's CRC32C chunks are verified
 * in bulk before any of its bytes are handed out, and the leading bytes before the requested
 * offset are skipped. A packet that fits whole in the caller's buffer (and inside the requested
 * range) is read straight into it and verified there; others go through one reusable buffer.
 * A checksum failure is a {@link ChecksumMismatchException} naming the
 * block, the node and the offset; the caller tries another replica and reports this one.
 */
final class BlockReader implements Closeable {
  private final Block block;
  private final DatanodeInfo node;
  private final DataNodeConnection conn;
  private final boolean verify;
  private final DataChecksum checksum;
  private final PacketReceiver packets;
  /** Offset in the block of the next byte to return. */
  private long pos;
  /** End (exclusive) of the range to return. */
  private final long end;
  private byte[] buf = new byte[0];
  private int bufPos;
  private int bufLen;
  private boolean sawLast;

  private BlockReader(Block block, DatanodeInfo node, DataNodeConnection conn, boolean verify,
      long offset, long end) {
    this.block = block;
    this.node = node;
    this.conn = conn;
    this.verify = verify;
    this.checksum = DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512);
    this.packets = new PacketReceiver(conn.in());
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
  static BlockReader open(Block block, Token<BlockTokenIdentifier> token, DatanodeInfo node,
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

  DatanodeInfo node() { return node; }
  Block block() { return block; }
  /** Offset in the block of the next byte {@link #read} returns. */
  long position() { return pos; }
  long end() { return end; }

  /** Reads up to len bytes; -1 at the end of the requested range. */
  int read(byte[] b, int off, int len) throws IOException {
    if (pos >= end) {
      return -1;
    }
    if (bufPos == bufLen) {
      nextDataPacket();
      int n = packets.dataLen();
      if (n <= len && n <= end - pos) {
        receiveInto(b, off);
        pos += n;
        return n;
      }
      receiveIntoBuffer();
    }
    int n = (int) Math.min(Math.min(len, bufLen - bufPos), end - pos);
    System.arraycopy(buf, bufPos, b, off, n);
    bufPos += n;
    pos += n;
    return n;
  }

  /** Skips forward {@code n} bytes within the range (n <= end - position()). */
  void skip(long n) throws IOException {
    while (n > 0) {
      if (bufPos == bufLen) {
        nextDataPacket();
        receiveIntoBuffer();
      }
      int k = (int) Math.min(n, bufLen - bufPos);
      bufPos += k;
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

  private void receiveIntoBuffer() throws IOException {
    int n = packets.dataLen();
    if (buf.length < n) {
      buf = new byte[n];
    }
    receiveInto(buf, 0);
    bufPos = 0;
    bufLen = n;
  }

  /** Reads the current packet's data into {@code dst} at {@code off} and verifies it there. */
  private void receiveInto(byte[] dst, int off) throws IOException {
    packets.readData(dst, off);
    if (verify) {
      try {
        packets.verify(checksum, dst, off, block.getName());
      } catch (ChecksumException e) {
        throw new ChecksumMismatchException("checksum error in " + block + " on DataNode "
            + node.getDataAddress() + " at offset " + e.getPos(), e);
      }
    }
  }

  @Override public void close() {
    conn.close();
  }
}
