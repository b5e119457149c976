package io.quire.protocol.types;

/**
 * A snapshot of cluster health for {@code admin report}, as {@code ClientProtocol
 * .getClusterHealth} returns it. Node counts are disjoint: a DataNode is counted once, by its
 * admin state first (decommissioning, decommissioned), else by liveness (live, stale, dead).
 * Stale nodes are not included in {@link #getLiveNodes()}. Block counters follow HDFS:
 * under-replicated counts blocks with fewer live good replicas than expected that still have
 * at least one good replica; corrupt counts blocks with at least one corrupt replica; missing
 * counts blocks with no good replica at all; pending replication counts blocks with a transfer
 * scheduled and not yet confirmed.
 */
public final class ClusterHealth {
  private final long capacity;
  private final long used;
  private final long remaining;
  private final int liveNodes;
  private final int staleNodes;
  private final int deadNodes;
  private final int decommissioningNodes;
  private final int decommissionedNodes;
  private final long totalFiles;
  private final long totalBlocks;
  private final long underReplicatedBlocks;
  private final long corruptBlocks;
  private final long missingBlocks;
  private final long pendingReplicationBlocks;
  private final boolean inSafeMode;

  public ClusterHealth(long capacity, long used, long remaining, int liveNodes, int staleNodes,
      int deadNodes, int decommissioningNodes, int decommissionedNodes, long totalFiles,
      long totalBlocks, long underReplicatedBlocks, long corruptBlocks, long missingBlocks,
      long pendingReplicationBlocks, boolean inSafeMode) {
    this.capacity = capacity;
    this.used = used;
    this.remaining = remaining;
    this.liveNodes = liveNodes;
    this.staleNodes = staleNodes;
    this.deadNodes = deadNodes;
    this.decommissioningNodes = decommissioningNodes;
    this.decommissionedNodes = decommissionedNodes;
    this.totalFiles = totalFiles;
    this.totalBlocks = totalBlocks;
    this.underReplicatedBlocks = underReplicatedBlocks;
    this.corruptBlocks = corruptBlocks;
    this.missingBlocks = missingBlocks;
    this.pendingReplicationBlocks = pendingReplicationBlocks;
    this.inSafeMode = inSafeMode;
  }

  /** Bytes of capacity over live and stale DataNodes. */
  public long getCapacity() { return capacity; }
  public long getUsed() { return used; }
  public long getRemaining() { return remaining; }
  public int getLiveNodes() { return liveNodes; }
  public int getStaleNodes() { return staleNodes; }
  public int getDeadNodes() { return deadNodes; }
  public int getDecommissioningNodes() { return decommissioningNodes; }
  public int getDecommissionedNodes() { return decommissionedNodes; }
  public long getTotalFiles() { return totalFiles; }
  public long getTotalBlocks() { return totalBlocks; }
  public long getUnderReplicatedBlocks() { return underReplicatedBlocks; }
  public long getCorruptBlocks() { return corruptBlocks; }
  public long getMissingBlocks() { return missingBlocks; }
  public long getPendingReplicationBlocks() { return pendingReplicationBlocks; }
  public boolean isInSafeMode() { return inSafeMode; }

  @Override public String toString() {
    return "ClusterHealth[live=" + liveNodes + " stale=" + staleNodes + " dead=" + deadNodes
        + " decommissioning=" + decommissioningNodes + " decommissioned=" + decommissionedNodes
        + " blocks=" + totalBlocks + " under=" + underReplicatedBlocks + " corrupt="
        + corruptBlocks + " missing=" + missingBlocks + " pending=" + pendingReplicationBlocks
        + " safemode=" + inSafeMode + "]";
  }
}
