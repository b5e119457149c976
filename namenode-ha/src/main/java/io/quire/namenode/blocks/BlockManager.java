package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.namenode.datanodes.DatanodeManager;
import io.quire.protocol.types.DatanodeCommand;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.ReplicaState;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks and their replicas. The block map follows the journal (records add and remove
 * blocks); replicas come from DataNode reports. Every method runs under the namesystem lock
 * (write lock for changes).
 */
public final class BlockManager {
  private final BlockMap blockMap = new BlockMap();
  private final DatanodeManager datanodes;
  private final BlockPlacement placement;
  private final int minReplication;
  private volatile boolean sendCommands = true;
  private final ReplicationBookkeeping replication;
  private volatile java.util.function.BooleanSupplier inSafeMode = () -> false;

  public BlockManager(DatanodeManager datanodes, int minReplication) {
    this.datanodes = datanodes;
    this.placement = new BlockPlacement(datanodes);
    this.minReplication = minReplication;
    this.replication = new ReplicationBookkeeping(datanodes);
  }

  /** Under-replication queues, pending transfers and corrupt/excess tracking. */
  public ReplicationBookkeeping getReplication() { return replication; }

  /** Re-evaluates whether {@code b} needs replicas added or removed (namesystem lock). */
  public void checkReplication(BlockInfo b) {
    replication.check(b);
  }

  /** Tells the block manager whether the NameNode is in safe mode (no deletions then). */
  public void setSafeModeSupplier(java.util.function.BooleanSupplier s) { this.inSafeMode = s; }

  /** True while no replication or deletion work may be handed out (safe mode). */
  public boolean isInSafeMode() { return inSafeMode.getAsBoolean(); }

  public BlockMap getBlockMap() { return blockMap; }
  public DatanodeManager getDatanodes() { return datanodes; }
  public BlockPlacement getPlacement() { return placement; }
  public int getMinReplication() { return minReplication; }

  /** Whether removing blocks queues DELETE commands (off on a standby, later). */
  public void setSendCommands(boolean send) { this.sendCommands = send; }

  /** False on a NameNode that must not command DataNodes (no replication work either). */
  public boolean isSendingCommands() { return sendCommands; }

  /** Apply: a block enters the map. */
  public void addBlock(BlockInfo b) {
    blockMap.add(b);
  }

  /** Apply: a block leaves its file; DataNodes holding it are told to delete it. */
  public void removeBlock(BlockInfo b) {
    blockMap.remove(b.getBlockId());
    replication.forget(b);
    for (Replica r : b.getReplicas()) {
      r.getNode().getBlocks().remove(b);
      if (sendCommands) {
        r.getNode().enqueue(DatanodeCommand.delete(List.of(r.toBlock(b))));
      }
    }
    b.getReplicas().clear();
    b.setFile(null);
  }

  /** A COMMITTED block with enough good replicas becomes COMPLETE. */
  public void tryComplete(BlockInfo b) {
    if (b.getState() == BlockState.COMMITTED && b.countGoodReplicas() >= minReplication) {
      b.setState(BlockState.COMPLETE);
    }
    replication.check(b);
  }

  /** True when {@code b} has at least the minimum number of good replicas. */
  public boolean hasMinReplicas(BlockInfo b) {
    return countGoodIgnoringLength(b) >= minReplication;
  }

  /** Finalized uncorrupted replicas with the block's stamp, length not compared. */
  public int countGoodIgnoringLength(BlockInfo b) {
    int n = 0;
    for (Replica r : b.getReplicas()) {
      if (!r.isCorrupt() && r.getState() == ReplicaState.FINALIZED
          && r.getGenerationStamp() == b.getGenerationStamp()) {
        n++;
      }
    }
    return n;
  }

  /**
   * The block with its locations, closest to {@code clientIp} first. Corrupt replicas are left
   * out unless every replica is corrupt. A block being written lists its pipeline.
   */
  public LocatedBlock locate(BlockInfo b, long offset, String clientIp) {
    List<DatanodeDescriptor> nodes = new ArrayList<>(b.getReplicas().size());
    boolean corrupt = false;
    if (b.getState() == BlockState.UNDER_CONSTRUCTION && !b.getExpectedTargets().isEmpty()) {
      nodes.addAll(b.getExpectedTargets());
    } else {
      for (Replica r : b.getReplicas()) {
        if (!r.isCorrupt() && r.getGenerationStamp() == b.getGenerationStamp()) {
          nodes.add(r.getNode());
        }
      }
      if (nodes.isEmpty()) {
        for (Replica r : b.getReplicas()) {
          nodes.add(r.getNode());
        }
        corrupt = !nodes.isEmpty();
      }
    }
    return new LocatedBlock(b.toBlock(), offset, sortByDistance(nodes, clientIp), corrupt);
  }

  /**
   * Closest first, as HDFS orders reads: the reader's own node, then fresh in-service nodes,
   * then stale ones, then decommissioning/decommissioned ones, then dead ones; the order of
   * equals is kept.
   */
  public List<DatanodeInfo> sortByDistance(List<DatanodeDescriptor> nodes, String clientIp) {
    List<DatanodeInfo> out = new ArrayList<>(nodes.size());
    int[] ranks = new int[nodes.size()];
    DatanodeInfo.State[] states = new DatanodeInfo.State[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      DatanodeDescriptor d = nodes.get(i);
      states[i] = datanodes.stateOf(d);
      boolean local = clientIp != null && BlockPlacement.isHost(d, clientIp);
      switch (states[i]) {
        case LIVE: ranks[i] = local ? 0 : 1; break;
        case STALE: ranks[i] = 2; break;
        case DECOMMISSIONING: case DECOMMISSIONED: ranks[i] = 3; break;
        default: ranks[i] = 4; break;
      }
    }
    for (int pass = 0; pass <= 4; pass++) {
      for (int i = 0; i < nodes.size(); i++) {
        if (ranks[i] == pass) {
          out.add(nodes.get(i).toInfo(states[i]));
        }
      }
    }
    return out;
  }

  /**
   * A dead (or re-registering) node's replicas are forgotten and its blocks re-evaluated, so
   * those now short of replicas are queued for the replication monitor; transfers from or to
   * it are cancelled.
   */
  public void removeNode(DatanodeDescriptor node) {
    List<BlockInfo> affected = new ArrayList<>(node.getBlocks());
    for (BlockInfo b : affected) {
      Replica r = b.findReplica(node);
      if (r != null) {
        b.getReplicas().remove(r);
      }
    }
    node.getBlocks().clear();
    node.getPendingDeletes().clear();
    node.drainCommands();
    affected.addAll(replication.pending().removeNode(node));
    for (BlockInfo b : affected) {
      replication.check(b);
    }
  }
}
