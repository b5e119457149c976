package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.AdminState;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decommissioning, as HDFS's DataNodeAdminManager: starting it marks the node DECOMMISSIONING
 * and re-evaluates its blocks (its replicas stop counting, so they are queued and copied
 * elsewhere while the node keeps serving reads and acting as a source); each monitor pass
 * marks DECOMMISSIONED a node whose every block has enough live replicas on other nodes
 * (its expected replication, or every in-service live node when there are fewer). No replica
 * is deleted on its account, so no block drops below its replication meanwhile. Admin state
 * is in memory only (see {@link AdminState}). Runs under the namesystem write lock.
 */
public final class DecommissionManager {
  private static final Logger LOG = LoggerFactory.getLogger(DecommissionManager.class);

  private final BlockManager blocks;

  public DecommissionManager(BlockManager blocks) {
    this.blocks = blocks;
  }

  /** Starts decommissioning ({@code true}) or returns the node to service; idempotent. */
  public void setDecommission(DataNodeDescriptor node, boolean decommission) {
    DataNodeManager dns = blocks.getDataNodes();
    boolean changed = dns.setAdminState(node,
        decommission ? AdminState.DECOMMISSIONING : AdminState.IN_SERVICE);
    if (changed) {
      for (BlockInfo b : blocks.blocksOf(node)) { // checking changes no replica
        blocks.checkReplication(b);
      }
    }
  }

  /** Marks DECOMMISSIONED the decommissioning nodes whose blocks are safe elsewhere. */
  public int checkProgress() {
    DataNodeManager dns = blocks.getDataNodes();
    int done = 0;
    for (DataNodeDescriptor d : dns.getAllNodes()) {
      if (d.getAdminState() == AdminState.DECOMMISSIONING && dns.isLive(d)
          && allReplicatedElsewhere(d)) {
        dns.setAdminState(d, AdminState.DECOMMISSIONED);
        LOG.info("DataNode {} is decommissioned: its {} blocks have enough replicas elsewhere",
            d, blocks.blocksOf(d).size());
        done++;
      }
    }
    return done;
  }

  private boolean allReplicatedElsewhere(DataNodeDescriptor d) {
    for (BlockInfo b : blocks.blocksOf(d)) {
      if (b.isDeleted()) {
        continue;
      }
      if (!blocks.isCompleteOrMinReplicated(b)) {
        return false;
      }
      // Never below the file's replication, as HDFS: on a cluster too small to hold every
      // replica elsewhere, the node stays DECOMMISSIONING (and keeps serving) until it can.
      if (blocks.getReplication().count(b).live() < b.getExpectedReplication()) {
        return false;
      }
    }
    return true;
  }
}
