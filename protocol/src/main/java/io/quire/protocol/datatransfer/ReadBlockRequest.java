package io.quire.protocol.datatransfer;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.security.token.Token;

/**
 * READ_BLOCK request: {@code token}, then the body {@code block, long offset, long length,
 * string clientName}; needs a READ token. Reads
 * [offset, offset+length) of the replica; the DataNode starts at the enclosing 512-byte chunk
 * boundary and reports it as chunkOffset. A length past the visible end is cut to it.
 */
public final class ReadBlockRequest {
  private final Block block;
  private final long offset;
  private final long length;
  private final String clientName;
  private final Token<BlockTokenIdentifier> token;

  /** A request without a block access token (for DataNodes that do not check tokens). */
  public ReadBlockRequest(Block block, long offset, long length, String clientName) {
    this(block, offset, length, clientName, null);
  }

  public ReadBlockRequest(Block block, long offset, long length, String clientName,
      Token<BlockTokenIdentifier> token) {
    this.token = token;
    this.block = block;
    this.offset = offset;
    this.length = length;
    this.clientName = clientName;
  }

  public Block getBlock() { return block; }
  public long getOffset() { return offset; }
  public long getLength() { return length; }
  public String getClientName() { return clientName; }
  /** The block access token (null or empty: none). */
  public Token<BlockTokenIdentifier> getToken() { return token; }
  public BlockAccessMode accessMode() { return BlockAccessMode.READ; }

  public void write(DataOutput out) throws IOException {
    WireIO.writeOpHeader(out, Op.READ_BLOCK);
    WireIO.writeToken(out, token);
    WireIO.writeBlock(out, block);
    out.writeLong(offset);
    out.writeLong(length);
    WireIO.writeString(out, clientName);
  }

  /** Reads token and body (the op header was already read). */
  public static ReadBlockRequest read(DataInput in) throws IOException {
    Token<BlockTokenIdentifier> t = WireIO.readToken(in);
    Block b = WireIO.readBlock(in);
    long off = in.readLong();
    long len = in.readLong();
    if (off < 0 || len < 0) {
      throw new MalformedFrameException("bad read range " + off + "+" + len + " of " + b);
    }
    return new ReadBlockRequest(b, off, len, WireIO.readString(in), t);
  }
}
