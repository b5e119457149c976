package io.quire.namenode.metrics;

import io.quire.namenode.blocks.ReplicationBookkeeping;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.DataNodeInfo;
import java.io.IOException;

/**
 * Builds the {@link ClusterHealth} snapshot that admin report, getStats and the metrics source
 * share: node counts by state, capacity of the live nodes, and the block counters the
 * replication bookkeeping keeps up to date (no namespace scan). Takes the read lock briefly.
 */
public final class ClusterHealthCollector {
  private ClusterHealthCollector() {}

  public static ClusterHealth collect(Namesystem ns) throws IOException {
    DataNodeManager dns = ns.getDataNodeManager();
    long capacity = 0;
    long used = 0;
    long remaining = 0;
    int[] byState = new int[DataNodeInfo.State.values().length];
    for (DataNodeDescriptor d : dns.getAllNodes()) {
      DataNodeInfo.State s = dns.stateOf(d);
      byState[s.ordinal()]++;
      if (s != DataNodeInfo.State.DEAD) {
        capacity += d.getReport().getCapacity();
        used += d.getReport().getUsed();
        remaining += d.getReport().getRemaining();
      }
    }
    long[] blocks = ns.read(() -> {
      ReplicationBookkeeping book = ns.getBlockManager().getReplication();
      return new long[] {ns.getState().tree().size(), ns.getBlockManager().getBlockMap().size(),
          book.queues().underReplicatedCount(), book.corruptCount(), book.missingCount(),
          book.pending().size()};
    });
    return new ClusterHealth(capacity, used, remaining,
        byState[DataNodeInfo.State.LIVE.ordinal()], byState[DataNodeInfo.State.STALE.ordinal()],
        byState[DataNodeInfo.State.DEAD.ordinal()],
        byState[DataNodeInfo.State.DECOMMISSIONING.ordinal()],
        byState[DataNodeInfo.State.DECOMMISSIONED.ordinal()], blocks[0], blocks[1], blocks[2],
        blocks[3], blocks[4], blocks[5], ns.getSafeMode().isOn());
  }
}
