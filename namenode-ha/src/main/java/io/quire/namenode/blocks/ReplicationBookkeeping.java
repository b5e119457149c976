package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the replication monitor needs to know, kept up to date incrementally (block report,
 * incremental report, dead node, corrupt report, block completion, setReplication,
 * decommission) instead of scanning the namespace: the {@link ReplicationQueues}, the
 * {@link PendingReplications}, the blocks with corrupt replicas, and the blocks that may have
 * replicas to delete (over-replicated, or corrupt replicas next to a good one). Only complete
 * blocks of files are tracked (COMPLETE, or COMMITTED with their minimum replicas). Guarded by the
 * namesystem lock.
 */
public final class ReplicationBookkeeping {
  private final DataNodeManager datanodes;
  private final Predicate<BlockInfo> tracked;
  private final ReplicationQueues queues = new ReplicationQueues();
  private final PendingReplications pending = new PendingReplications();
  private final Set<BlockInfo> withCorrupt = new HashSet<>();
  private final Set<BlockInfo> toTrim = new LinkedHashSet<>();

  /**
   * @param tracked which blocks are tracked: complete ones, as
   *     {@link BlockManager#isCompleteOrMinReplicated} derives it
   */
  ReplicationBookkeeping(DataNodeManager datanodes, Predicate<BlockInfo> tracked) {
    this.datanodes = datanodes;
    this.tracked = tracked;
  }

  public ReplicationQueues queues() { return queues; }
  public PendingReplications pending() { return pending; }

  /** Replicas of {@code b} by kind; replicas on dead nodes are not counted. */
  public ReplicaCounts count(BlockInfo b) {
    int live = 0;
    int decommissioning = 0;
    int corrupt = 0;
    for (Replica r : BlockLocations.of(b)) {
      DataNodeDescriptor n = r.getNode();
      if (!datanodes.isLive(n)) {
        continue;
      }
      if (r.isCorrupt()) {
        corrupt++;
      } else if (r.isGoodFor(b)) {
        if (n.isDecommissioningOrDecommissioned()) {
          decommissioning++;
        } else {
          live++;
        }
      }
    }
    return new ReplicaCounts(live, decommissioning, corrupt);
  }

  /** Re-evaluates {@code b} after anything about its replicas or replication changed. */
  void check(BlockInfo b) {
    if (b.isDeleted()) {
      forget(b);
      return;
    }
    if (!tracked.test(b)) {
      // not complete yet (committed, short of its minimum): not replicated, but it keeps the
      // pipeline reports it expects (PendingReplications#expect) for when it is tracked
      queues.remove(b);
      withCorrupt.remove(b);
      toTrim.remove(b);
      return;
    }
    ReplicaCounts c = count(b);
    int expected = b.getExpectedReplication();
    int level = ReplicationQueues.levelFor(
        new ReplicaCounts(c.live() + pending.targetCount(b), c.decommissioning(), c.corrupt()),
        expected);
    if (level < 0 && c.readable() == 0) {
      level = ReplicationQueues.NO_GOOD_REPLICA;
    }
    queues.update(b, level);
    if (c.corrupt() > 0) {
      withCorrupt.add(b);
    } else {
      withCorrupt.remove(b);
    }
    if (c.live() > expected || (c.corrupt() > 0 && c.live() > 0)) {
      toTrim.add(b);
    } else {
      toTrim.remove(b);
    }
  }

  /** The block left the namespace (or is no longer complete). */
  void forget(BlockInfo b) {
    queues.remove(b);
    pending.remove(b);
    withCorrupt.remove(b);
    toTrim.remove(b);
  }

  /** Blocks with at least one corrupt replica. */
  public int corruptCount() { return withCorrupt.size(); }

  /** Blocks without a readable replica. */
  public int missingCount() { return queues.size(ReplicationQueues.NO_GOOD_REPLICA); }

  /** Takes the blocks that may have replicas to delete. */
  List<BlockInfo> drainToTrim() {
    List<BlockInfo> out = new ArrayList<>(toTrim);
    toTrim.clear();
    return out;
  }
}
