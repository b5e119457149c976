package io.quire.namenode.rpc;

import io.quire.namenode.Namesystem;
import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.namenode.metrics.ClusterHealthCollector;
import io.quire.protocol.types.ClusterHealth;
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
    ClusterHealth h = ClusterHealthCollector.collect(ns);
    return new FsStats(h.getCapacity(), h.getUsed(), h.getRemaining(),
        h.getUnderReplicatedBlocks(), h.getCorruptBlocks(), h.getMissingBlocks());
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
