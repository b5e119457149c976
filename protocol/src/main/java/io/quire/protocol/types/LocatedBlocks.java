package io.quire.protocol.types;

import java.util.List;

/**
 * The blocks of a byte range of a file. When the file is under construction the last block may
 * be still growing: its replicas' visible length is asked from a DataNode.
 */
public final class LocatedBlocks {
  private final long fileLength;
  private final List<LocatedBlock> blocks;
  private final boolean underConstruction;
  private final boolean lastBlockComplete;

  public LocatedBlocks(long fileLength, List<LocatedBlock> blocks, boolean underConstruction,
      boolean lastBlockComplete) {
    this.fileLength = fileLength;
    this.blocks = List.copyOf(blocks);
    this.underConstruction = underConstruction;
    this.lastBlockComplete = lastBlockComplete;
  }

  /** Length of the file counting completed blocks (and the last block's known length). */
  public long getFileLength() { return fileLength; }
  public List<LocatedBlock> getBlocks() { return blocks; }
  public boolean isUnderConstruction() { return underConstruction; }
  /** False when the file's last block is still being written (its length may grow). */
  public boolean isLastBlockComplete() { return lastBlockComplete; }
}
