package io.quire.protocol.datatransfer;

import io.quire.protocol.types.Block;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * READ_BLOCK body: {@code block, long offset, long length, string clientName}. Reads
 * [offset, offset+length) of the replica; the DataNode starts at the enclosing 512-byte chunk
 * boundary and reports it as chunkOffset. A length past the visible end is cut to it.
 */
public final class ReadBlockRequest {
  private final Block block;
  private final long offset;
  private final long length;
  private final String clientName;

  public ReadBlockRequest(Block block, long offset, long length, String clientName) {
    this.block = block;
    this.offset = offset;
    this.length = length;
    this.clientName = clientName;
  }

  public Block getBlock() { return block; }
  public long getOffset() { return offset; }
  public long getLength() { return length; }
  public String getClientName() { return clientName; }

  public void write(DataOutput out) throws IOException {
    WireIO.writeOpHeader(out, Op.READ_BLOCK);
    WireIO.writeBlock(out, block);
    out.writeLong(offset);
    out.writeLong(length);
    WireIO.writeString(out, clientName);
  }

  public static ReadBlockRequest read(DataInput in) throws IOException {
    Block b = WireIO.readBlock(in);
    long off = in.readLong();
    long len = in.readLong();
    if (off < 0 || len < 0) {
      throw new MalformedFrameException("bad read range " + off + "+" + len + " of " + b);
    }
    return new ReadBlockRequest(b, off, len, WireIO.readString(in));
  }
}
