package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DataNode messages a standby cannot process yet, as HDFS's PendingDataNodeMessages: a standby
 * hears of a replica as soon as the DataNode writes it, possibly before it has read the record
 * that created the block or gave it that generation stamp or length. Such a message waits here,
 * per block, until {@link BlockReportProcessor#processQueued} finds the record applied (or
 * {@link BlockReportProcessor#processAllQueued} on becoming active).
 *
 * <p>Order: a DataNode's messages about one block stay in arrival order (the processor queues a
 * message behind an earlier one of the same node and block, and dispatches them in order); a
 * message of another node may pass. A full report of a node supersedes its queued messages
 * ({@link #removeNode}), so does a deletion of the replica ({@link #remove}).
 *
 * <p>Bounded by a count ({@link #DEFAULT_CAPACITY}): past it the oldest message (of the block
 * queued longest) is dropped and counted in {@link #droppedCount}; the replica it described
 * comes back with its node's next full report, which every DataNode sends a new active. A
 * message costs about 80 bytes (the message, its slot, the reported block; a block's queue
 * about 100 more). Guarded by the namesystem lock.
 */
final class PendingDataNodeMessages {
  private static final Logger LOG = LoggerFactory.getLogger(PendingDataNodeMessages.class);
  /** Messages kept at most (about 100 MB at worst). */
  static final int DEFAULT_CAPACITY = 1_000_000;

  /**
   * One queued message: a replica from a full or incremental report ({@code state} its
   * replica state), or a corrupt-replica report ({@code state} null).
   */
  record Message(DataNodeDescriptor node, Block block, ReplicaState state) {
    boolean isCorruptReport() { return state == null; }

    @Override public String toString() {
      return node + ":" + block + ":" + (state == null ? "corrupt" : state);
    }
  }

  private final LinkedHashMap<Long, ArrayDeque<Message>> byBlock = new LinkedHashMap<>();
  private final Map<DataNodeDescriptor, Integer> perNode = new HashMap<>();
  private int capacity = DEFAULT_CAPACITY;
  private volatile int count;
  private volatile long dropped;

  /** Queues {@code m} behind the earlier messages of its block; drops the oldest when full. */
  void add(Message m) {
    byBlock.computeIfAbsent(m.block().getBlockId(), id -> new ArrayDeque<>(2)).addLast(m);
    perNode.merge(m.node(), 1, Integer::sum);
    count++;
    while (count > capacity) {
      Map.Entry<Long, ArrayDeque<Message>> oldest = byBlock.entrySet().iterator().next();
      Message gone = oldest.getValue().pollFirst();
      if (oldest.getValue().isEmpty()) {
        byBlock.remove(oldest.getKey());
      }
      forgetOne(gone.node());
      if (dropped++ % 100_000 == 0) {
        LOG.warn("More than {} DataNode messages wait for journal records; dropping the oldest"
            + " ({}); its replica returns with the node's next full report", capacity, gone);
      }
    }
  }

  /** True when a message of {@code node} about block {@code blockId} is queued. */
  boolean hasQueued(DataNodeDescriptor node, long blockId) {
    ArrayDeque<Message> q = byBlock.get(blockId);
    if (q == null) {
      return false;
    }
    for (Message m : q) {
      if (m.node() == node) {
        return true;
      }
    }
    return false;
  }

  /** Drops the messages of {@code node} about block {@code blockId} (its replica is gone). */
  void remove(DataNodeDescriptor node, long blockId) {
    ArrayDeque<Message> q = byBlock.get(blockId);
    if (q == null) {
      return;
    }
    for (Iterator<Message> it = q.iterator(); it.hasNext(); ) {
      if (it.next().node() == node) {
        it.remove();
        forgetOne(node);
      }
    }
    if (q.isEmpty()) {
      byBlock.remove(blockId);
    }
  }

  /** Drops every message of {@code node} (a full report supersedes them, or it is gone). */
  void removeNode(DataNodeDescriptor node) {
    if (!perNode.containsKey(node)) {
      return;
    }
    for (Iterator<ArrayDeque<Message>> blocks = byBlock.values().iterator(); blocks.hasNext(); ) {
      ArrayDeque<Message> q = blocks.next();
      q.removeIf(m -> m.node() == node);
      if (q.isEmpty()) {
        blocks.remove();
      }
    }
    count -= perNode.remove(node);
  }

  /** Ids of the blocks with queued messages (a snapshot). */
  List<Long> blockIds() {
    return new ArrayList<>(byBlock.keySet());
  }

  /** The oldest generation stamp queued for block {@code blockId}, or -1 when none. */
  long lowestStamp(long blockId) {
    ArrayDeque<Message> q = byBlock.get(blockId);
    long low = -1;
    if (q != null) {
      for (Message m : q) {
        long gs = m.block().getGenerationStamp();
        low = low < 0 ? gs : Math.min(low, gs);
      }
    }
    return low;
  }

  /** Removes and returns the messages of block {@code blockId}, in arrival order. */
  List<Message> take(long blockId) {
    ArrayDeque<Message> q = byBlock.remove(blockId);
    if (q == null) {
      return List.of();
    }
    for (Message m : q) {
      forgetOne(m.node());
    }
    return new ArrayList<>(q);
  }

  /** Removes and returns every message, block by block, each block's in arrival order. */
  List<Message> takeAll() {
    List<Message> out = new ArrayList<>(count);
    for (ArrayDeque<Message> q : byBlock.values()) {
      out.addAll(q);
    }
    byBlock.clear();
    perNode.clear();
    count = 0;
    return out;
  }

  private void forgetOne(DataNodeDescriptor node) {
    perNode.computeIfPresent(node, (k, v) -> v <= 1 ? null : v - 1);
    count--;
  }

  /** Messages queued now (read without the lock by metrics). */
  int size() { return count; }

  /** Messages dropped because the queue was full, since start. */
  long droppedCount() { return dropped; }

  /** Tests: a smaller bound. */
  void setCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " < 1");
    }
    this.capacity = capacity;
  }
}
