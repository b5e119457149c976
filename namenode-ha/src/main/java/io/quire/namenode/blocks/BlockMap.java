package io.quire.namenode.blocks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * All blocks of all files, by id. Block ids grow with the journal (each AddBlock takes the next
 * one), so an id at or below the highest ever added that is not here belonged to a block that
 * is gone ({@link #isRemoved}), while a higher one belongs to a block whose record this
 * NameNode has not applied yet. Guarded by the namesystem lock.
 */
public final class BlockMap {
  private final Map<Long, BlockInfo> blocks = new HashMap<>();
  private long highestId;

  public BlockInfo get(long blockId) { return blocks.get(blockId); }

  public void add(BlockInfo b) {
    blocks.put(b.getBlockId(), b);
    highestId = Math.max(highestId, b.getBlockId());
  }

  public BlockInfo remove(long blockId) { return blocks.remove(blockId); }

  /**
   * True when block {@code blockId} is not here and no record will add it: an id at least as
   * high was added (the block was removed or abandoned, or no AddBlock took that id).
   */
  public boolean isRemoved(long blockId) {
    return blockId <= highestId && !blocks.containsKey(blockId);
  }

  public int size() { return blocks.size(); }

  public Collection<BlockInfo> all() { return blocks.values(); }

  public void clear() {
    blocks.clear();
    highestId = 0;
  }
}
