package io.quire.namenode.blocks;

/**
 * Replicas of one block by kind, as replication decisions see them.
 *
 * @param live good replicas on live, in-service DataNodes (stale ones included, as HDFS)
 * @param decommissioning good replicas on live decommissioning or decommissioned DataNodes:
 *     readable and usable as a transfer source, but not counted toward the replication
 * @param corrupt replicas reported corrupt, on live DataNodes
 */
public record ReplicaCounts(int live, int decommissioning, int corrupt) {
  /** Good replicas anywhere (readable copies). */
  public int readable() {
    return live + decommissioning;
  }
}
