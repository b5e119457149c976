package io.quire.protocol.types;

import io.quire.protocol.security.BlockTokenIdentifier;
import java.util.List;
import org.apache.hadoop.security.token.Token;

/**
 * A block together with its offset in the file and the DataNodes that hold it, ordered by
 * distance from the asking client (closest first). A block under construction lists the
 * current pipeline. With block access tokens on, it carries a token for the caller's access
 * (READ from getBlockLocations, WRITE from addBlock/append/updateBlockForPipeline) that the
 * client sends with every data-transfer op on the block; otherwise an empty token.
 */
public final class LocatedBlock {
  private final Block block;
  private final long offset;
  private final List<DataNodeInfo> locations;
  private final boolean corrupt;
  private final Token<BlockTokenIdentifier> token;

  /** A located block with an empty token. */
  public LocatedBlock(Block block, long offset, List<DataNodeInfo> locations, boolean corrupt) {
    this(block, offset, locations, corrupt, new Token<>());
  }

  public LocatedBlock(Block block, long offset, List<DataNodeInfo> locations, boolean corrupt,
      Token<BlockTokenIdentifier> token) {
    this.token = token;
    this.block = block;
    this.offset = offset;
    this.locations = List.copyOf(locations);
    this.corrupt = corrupt;
  }

  public Block getBlock() { return block; }
  /** Offset of the block's first byte in the file. */
  public long getOffset() { return offset; }
  public List<DataNodeInfo> getLocations() { return locations; }
  /** True when every known replica is corrupt. */
  public boolean isCorrupt() { return corrupt; }
  /** The block access token (empty identifier when tokens are off). */
  public Token<BlockTokenIdentifier> getToken() { return token; }

  /** This located block carrying {@code t}. */
  public LocatedBlock withToken(Token<BlockTokenIdentifier> t) {
    return new LocatedBlock(block, offset, locations, corrupt, t);
  }

  @Override public String toString() { return block + "@" + offset + locations; }
}
