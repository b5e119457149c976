package io.quire.namenode.blocks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** All blocks of all files, by id. Guarded by the namesystem lock. */
public final class BlockMap {
  private final Map<Long, BlockInfo> blocks = new HashMap<>();

  public BlockInfo get(long blockId) { return blocks.get(blockId); }

  public void add(BlockInfo b) { blocks.put(b.getBlockId(), b); }

  public BlockInfo remove(long blockId) { return blocks.remove(blockId); }

  public int size() { return blocks.size(); }

  public Collection<BlockInfo> all() { return blocks.values(); }

  public void clear() { blocks.clear(); }
}
