package io.quire.protocol.types;

import java.util.List;

/**
 * A block together with its offset in the file and the DataNodes that hold it, ordered by
 * distance from the asking client (closest first). A block under construction lists the
 * current pipeline.
 */
public final class LocatedBlock {
  private final Block block;
  private final long offset;
  private final List<DatanodeInfo> locations;
  private final boolean corrupt;

  public LocatedBlock(Block block, long offset, List<DatanodeInfo> locations, boolean corrupt) {
    this.block = block;
    this.offset = offset;
    this.locations = List.copyOf(locations);
    this.corrupt = corrupt;
  }

  public Block getBlock() { return block; }
  /** Offset of the block's first byte in the file. */
  public long getOffset() { return offset; }
  public List<DatanodeInfo> getLocations() { return locations; }
  /** True when every known replica is corrupt. */
  public boolean isCorrupt() { return corrupt; }

  @Override public String toString() { return block + "@" + offset + locations; }
}
