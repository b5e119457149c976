package io.quire.namenode.rpc;

import io.quire.namenode.Namesystem;
import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.blocks.Replica;
import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.namenode.datanodes.DatanodeManager;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.List;

/** Cluster-wide figures (getStats) and client reports of bad replicas. */
final class ClusterInfo {
  private final Namesystem ns;

  ClusterInfo(Namesystem ns) {
    this.ns = ns;
  }

  FsStats getStats() throws IOException {
    DatanodeManager dns = ns.getDatanodeManager();
    long capacity = 0;
    long used = 0;
    long remaining = 0;
    for (DatanodeDescriptor d : dns.getLiveNodes()) {
      capacity += d.getReport().getCapacity();
      used += d.getReport().getUsed();
      remaining += d.getReport().getRemaining();
    }
    long[] health = ns.read(() -> {
      long corrupt = 0;
      long missing = 0;
      for (BlockInfo b : ns.getBlockManager().getBlockMap().all()) {
        if (b.getState() != BlockState.COMPLETE || b.getReplicas().isEmpty()) {
          if (b.getState() == BlockState.COMPLETE) {
            missing++;
          }
          continue;
        }
        boolean anyGood = false;
        for (Replica r : b.getReplicas()) {
          anyGood |= !r.isCorrupt();
        }
        if (!anyGood) {
          corrupt++;
        }
      }
      return new long[] {ns.getReplication().countUnderReplicated(), corrupt, missing};
    });
    return new FsStats(capacity, used, remaining, health[0], health[1], health[2]);
  }

  void reportBadBlocks(List<LocatedBlock> blocks) throws IOException {
    ns.writeLocked(() -> {
      for (LocatedBlock lb : blocks) {
        for (DatanodeInfo loc : lb.getLocations()) {
          DatanodeDescriptor d = ns.getDatanodeManager().get(loc.getUuid());
          if (d != null) {
            ns.getBlockReports().markCorrupt(lb.getBlock(), d);
          }
        }
      }
      return null;
    });
  }
}
