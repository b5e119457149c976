package io.quire.protocol.types;

import java.util.List;
import java.util.Objects;

/**
 * Block health of one file, as {@code ClientProtocol.getBlockHealth} returns it for fsck: one
 * {@link BlockHealth} per block, in file order (the last one may be under construction).
 */
public final class FileBlockHealth {
  private final String path;
  private final long length;
  private final short replication;
  private final boolean underConstruction;
  private final List<BlockHealth> blocks;

  public FileBlockHealth(String path, long length, short replication, boolean underConstruction,
      List<BlockHealth> blocks) {
    this.path = Objects.requireNonNull(path, "path");
    this.length = length;
    this.replication = replication;
    this.underConstruction = underConstruction;
    this.blocks = List.copyOf(blocks);
  }

  public String getPath() { return path; }
  public long getLength() { return length; }
  public short getReplication() { return replication; }
  public boolean isUnderConstruction() { return underConstruction; }
  public List<BlockHealth> getBlocks() { return blocks; }

  /** The worst status among the blocks; HEALTHY for a file without blocks. */
  public BlockHealth.Status getWorstStatus() {
    BlockHealth.Status worst = BlockHealth.Status.HEALTHY;
    for (BlockHealth b : blocks) {
      if (b.getStatus().severity() > worst.severity()) {
        worst = b.getStatus();
      }
    }
    return worst;
  }

  @Override public String toString() {
    return path + " (" + length + "B, rep " + replication + ", " + blocks.size() + " blocks, "
        + getWorstStatus() + ")";
  }
}
