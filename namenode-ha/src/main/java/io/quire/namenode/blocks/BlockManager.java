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

  public BlockManager(DatanodeManager datanodes, int minReplication) {
    this.datanodes = datanodes;
    this.placement = new BlockPlacement(datanodes);
    this.minReplication = minReplication;
  }

  public BlockMap getBlockMap() { return blockMap; }
  public DatanodeManager getDatanodes() { return datanodes; }
  public BlockPlacement getPlacement() { return placement; }
  public int getMinReplication() { return minReplication; }

  /** Whether removing blocks queues DELETE commands (off on a standby, later). */
  public void setSendCommands(boolean send) { this.sendCommands = send; }

  /** Apply: a block enters the map. */
  public void addBlock(BlockInfo b) {
    blockMap.add(b);
  }

  /** Apply: a block leaves its file; DataNodes holding it are told to delete it. */
  public void removeBlock(BlockInfo b) {
    blockMap.remove(b.getBlockId());
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

  /** Same host first, then live before dead, keeping the rest in order. */
  public List<DatanodeInfo> sortByDistance(List<DatanodeDescriptor> nodes, String clientIp) {
    List<DatanodeInfo> out = new ArrayList<>(nodes.size());
    for (int pass = 0; pass < 3; pass++) {
      for (DatanodeDescriptor d : nodes) {
        boolean local = clientIp != null && BlockPlacement.isHost(d, clientIp);
        boolean live = datanodes.isLive(d);
        int rank = local && live ? 0 : live ? 1 : 2;
        if (rank == pass) {
          out.add(d.toInfo(live ? DatanodeInfo.State.LIVE : DatanodeInfo.State.DEAD));
        }
      }
    }
    return out;
  }

  /** A dead node's replicas are forgotten (re-replication follows from the monitor). */
  public void removeNode(DatanodeDescriptor node) {
    for (BlockInfo b : node.getBlocks()) {
      Replica r = b.findReplica(node);
      if (r != null) {
        b.getReplicas().remove(r);
      }
    }
    node.getBlocks().clear();
    node.drainCommands();
  }
}
