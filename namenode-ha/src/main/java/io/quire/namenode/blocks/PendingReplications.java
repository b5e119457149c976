package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Transfers handed to DataNodes and not yet confirmed, as HDFS's PendingReconstructionBlocks:
 * for each block its source and the targets that have not reported the new replica yet, and a
 * deadline. A target's report of the replica removes it; a transfer whose deadline passed is
 * dropped so the block is queued again (retry); a dead source or target cancels its part.
 * Guarded by the namesystem lock.
 */
public final class PendingReplications {
  /** One scheduled transfer. */
  private static final class Pending {
    final DataNodeDescriptor source;
    final List<DataNodeDescriptor> targets;
    final long deadline;

    Pending(DataNodeDescriptor source, List<DataNodeDescriptor> targets, long deadline) {
      this.source = source;
      this.targets = new ArrayList<>(targets);
      this.deadline = deadline;
    }
  }

  private final Map<BlockInfo, Pending> pending = new HashMap<>();
  private final Map<DataNodeDescriptor, Integer> perSource = new HashMap<>();

  void add(BlockInfo b, DataNodeDescriptor source, List<DataNodeDescriptor> targets,
      long deadline) {
    remove(b);
    pending.put(b, new Pending(source, targets, deadline));
    perSource.merge(source, 1, Integer::sum);
  }

  /**
   * The writer's pipeline nodes {@code nodes} hold {@code b} (the writer completed it) but have
   * not reported it yet: counted like transfer targets until they report or {@code deadline}
   * passes, so the block is not copied meanwhile (HDFS's addExpectedReplicasToPending). No
   * source; nothing is done when {@code b} already has an entry.
   */
  void expect(BlockInfo b, List<DataNodeDescriptor> nodes, long deadline) {
    if (!nodes.isEmpty() && !pending.containsKey(b)) {
      pending.put(b, new Pending(null, nodes, deadline));
    }
  }

  /** Number of targets still expected to report {@code b}. */
  public int targetCount(BlockInfo b) {
    Pending p = pending.get(b);
    return p == null ? 0 : p.targets.size();
  }

  /** Nodes about to receive {@code b} (excluded as new targets). */
  public List<DataNodeDescriptor> targets(BlockInfo b) {
    Pending p = pending.get(b);
    return p == null ? List.of() : p.targets;
  }

  /** Transfers currently scheduled from {@code source}. */
  public int streamsFrom(DataNodeDescriptor source) {
    return perSource.getOrDefault(source, 0);
  }

  /** {@code node} reported its replica of {@code b}. */
  void replicaArrived(BlockInfo b, DataNodeDescriptor node) {
    Pending p = pending.get(b);
    if (p != null && p.targets.remove(node) && p.targets.isEmpty()) {
      remove(b);
    }
  }

  void remove(BlockInfo b) {
    Pending p = pending.remove(b);
    if (p != null && p.source != null) {
      perSource.computeIfPresent(p.source, (k, v) -> v <= 1 ? null : v - 1);
    }
  }

  /** Drops transfers past their deadline; returns their blocks (to be queued again). */
  List<BlockInfo> expire(long now) {
    List<BlockInfo> out = new ArrayList<>();
    for (Iterator<Map.Entry<BlockInfo, Pending>> it = pending.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<BlockInfo, Pending> e = it.next();
      if (e.getValue().deadline <= now) {
        out.add(e.getKey());
      }
    }
    out.forEach(this::remove);
    return out;
  }

  /** Cancels whatever involves a dead {@code node}; returns the blocks affected. */
  List<BlockInfo> removeNode(DataNodeDescriptor node) {
    List<BlockInfo> out = new ArrayList<>();
    for (Map.Entry<BlockInfo, Pending> e : pending.entrySet()) {
      if (e.getValue().source == node || e.getValue().targets.contains(node)) {
        out.add(e.getKey());
      }
    }
    out.forEach(this::remove);
    return out;
  }

  /** Blocks with a transfer in flight. */
  public int size() {
    return pending.size();
  }
}
