package io.quire.namenode.blocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Blocks that need more replicas, by priority as in HDFS's LowRedundancyBlocks:
 * <ol start="0">
 *   <li>{@link #HIGHEST}: one readable replica left (or only replicas on decommissioning
 *       nodes);</li>
 *   <li>{@link #VERY_LOW}: live replicas below a third of the expected replication;</li>
 *   <li>{@link #LOW}: any other shortfall;</li>
 *   <li>{@link #NO_GOOD_REPLICA}: no readable replica (all corrupt, or missing): nothing can
 *       be copied; kept for the corrupt/missing counters and served last.</li>
 * </ol>
 * Within a level, blocks are served in insertion order. Updated incrementally (by
 * {@link BlockManager#checkReplication}); guarded by the namesystem lock.
 */
public final class ReplicationQueues {
  public static final int HIGHEST = 0;
  public static final int VERY_LOW = 1;
  public static final int LOW = 2;
  public static final int NO_GOOD_REPLICA = 3;
  public static final int LEVELS = 4;

  private final List<LinkedHashSet<BlockInfo>> levels = new ArrayList<>(LEVELS);
  private final Map<BlockInfo, Integer> levelOf = new HashMap<>();

  public ReplicationQueues() {
    for (int i = 0; i < LEVELS; i++) {
      levels.add(new LinkedHashSet<>());
    }
  }

  /** The level a block with these counts belongs to, or -1 when it needs nothing. */
  public static int levelFor(ReplicaCounts c, int expected) {
    if (c.live() >= expected) {
      return -1;
    }
    if (c.readable() == 0) {
      return NO_GOOD_REPLICA;
    }
    if (c.readable() == 1 || c.live() == 0) {
      return HIGHEST;
    }
    if (c.live() * 3 < expected) {
      return VERY_LOW;
    }
    return LOW;
  }

  /** Puts {@code b} at {@code level}, or removes it when level is -1. */
  public void update(BlockInfo b, int level) {
    Integer old = levelOf.get(b);
    if (old != null && old == level) {
      return;
    }
    if (old != null) {
      levels.get(old).remove(b);
      levelOf.remove(b);
    }
    if (level >= 0) {
      levels.get(level).add(b);
      levelOf.put(b, level);
    }
  }

  /**
   * Moves {@code b} behind the other blocks of its level: a block that could not be scheduled
   * this pass (no source or target free) does not keep the ones after it waiting.
   */
  public void moveToBack(BlockInfo b) {
    Integer level = levelOf.get(b);
    if (level != null) {
      levels.get(level).remove(b);
      levels.get(level).add(b);
    }
  }

  public void remove(BlockInfo b) {
    update(b, -1);
  }

  public boolean contains(BlockInfo b) {
    return levelOf.containsKey(b);
  }

  /** Level of {@code b}, or -1. */
  public int levelOf(BlockInfo b) {
    return levelOf.getOrDefault(b, -1);
  }

  public int size(int level) {
    return levels.get(level).size();
  }

  /** Blocks that can be repaired by copying (levels HIGHEST..LOW). */
  public int underReplicatedCount() {
    return size(HIGHEST) + size(VERY_LOW) + size(LOW);
  }

  /** Blocks in priority order (a snapshot, so callers may update the queues meanwhile). */
  public List<BlockInfo> inPriorityOrder(int max) {
    List<BlockInfo> out = new ArrayList<>(Math.min(max, levelOf.size()));
    for (LinkedHashSet<BlockInfo> level : levels) {
      for (Iterator<BlockInfo> it = level.iterator(); it.hasNext() && out.size() < max; ) {
        out.add(it.next());
      }
    }
    return out;
  }
}
