package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.ReplicaState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blocks and their locations. The block map follows the journal (applying records adds and
 * removes blocks, through {@link #addBlock}, {@link #removeBlock} and {@link #blockChanged});
 * the locations ({@link BlockLocations}: replicas from DataNode reports, the pipeline of a block
 * being written) are volatile and only this package changes them. Validators read them through
 * the questions answered here. On a standby ({@link #setStandby}) reports about blocks whose
 * records are not applied yet wait in {@link PendingDataNodeMessages}. Every method runs under
 * the namesystem lock (write lock for changes).
 */
public final class BlockManager {
  private final BlockMap blockMap = new BlockMap();
  private final DataNodeManager datanodes;
  /** Each DataNode's block list, made on first use, kept as long as the DataNode. */
  private final Map<DataNodeDescriptor, DataNodeBlocks> lists = new ConcurrentHashMap<>();
  private final BlockPlacement placement;
  private final int minReplication;
  private final java.util.Set<DataNodeDescriptor> awaitingFullReports = new java.util.HashSet<>();
  private volatile boolean sendCommands = true;
  private volatile boolean standby;
  private final PendingDataNodeMessages pendingMessages = new PendingDataNodeMessages();
  private final ReplicationBookkeeping replication;
  private volatile java.util.function.BooleanSupplier inSafeMode = () -> false;
  private volatile java.util.function.LongSupplier expectedReplicaDeadline;

  public BlockManager(DataNodeManager datanodes, int minReplication) {
    this.datanodes = datanodes;
    this.placement = new BlockPlacement(datanodes);
    this.minReplication = minReplication;
    this.replication = new ReplicationBookkeeping(datanodes, this::isCompleteOrMinReplicated);
  }

  /** Under-replication queues, pending transfers and corrupt/excess tracking. */
  public ReplicationBookkeeping getReplication() { return replication; }

  /** Re-evaluates whether {@code b} needs replicas added or removed (namesystem lock). */
  void checkReplication(BlockInfo b) {
    replication.check(b);
  }

  /**
   * Active only: the deadline (now + the pending-transfer timeout) until which pipeline nodes
   * of a completed block that have not reported it yet are expected to (see
   * {@link #expectPipelineReplicas}); unset, nothing is expected.
   */
  public void setExpectedReplicaDeadline(java.util.function.LongSupplier deadline) {
    this.expectedReplicaDeadline = deadline;
  }

  /**
   * A block its writer committed or completed: the live pipeline nodes without a good replica
   * have finalized it or are about to, and their reports may lag the writer's complete() (under
   * load, by seconds). They count as pending, not missing, so the replication monitor does not
   * copy a block that is not under-replicated. A standby knows no pipeline and expects nothing.
   */
  private void expectPipelineReplicas(BlockInfo b) {
    java.util.function.LongSupplier deadline = expectedReplicaDeadline;
    BlockLocations loc = BlockLocations.of(b);
    if (deadline == null || loc.pipeline().isEmpty()) {
      return;
    }
    List<DataNodeDescriptor> unreported = new ArrayList<>();
    for (DataNodeDescriptor n : loc.pipeline()) {
      Replica r = loc.find(blocksOf(n));
      if (datanodes.isLive(n) && (r == null || !r.isGoodFor(b))) {
        unreported.add(n);
      }
    }
    replication.pending().expect(b, unreported, deadline.getAsLong());
  }

  /** Tells the block manager whether the NameNode is in safe mode (no deletions then). */
  public void setSafeModeSupplier(java.util.function.BooleanSupplier s) { this.inSafeMode = s; }

  /** True while no replication or deletion work may be handed out (safe mode). */
  public boolean isInSafeMode() { return inSafeMode.getAsBoolean(); }

  public BlockMap getBlockMap() { return blockMap; }

  /**
   * What this package keeps of {@code node}: its blocks, their shared replica values, the
   * deletions it has not confirmed. Made on first use and kept, as DataNode descriptors are
   * (a re-registering DataNode keeps its descriptor; {@link #removeNode} empties the list).
   */
  public DataNodeBlocks blocksOf(DataNodeDescriptor node) {
    DataNodeBlocks l = lists.get(node);
    return l != null ? l : lists.computeIfAbsent(node, DataNodeBlocks::new);
  }

  public DataNodeManager getDataNodes() { return datanodes; }
  public BlockPlacement getPlacement() { return placement; }
  public int getMinReplication() { return minReplication; }

  /**
   * Whether DataNodes get commands: DELETE for removed blocks and in report answers, and
   * replication work (a new active may hold them back until it has full reports; a standby
   * never sends any, whatever this says).
   */
  public void setSendCommands(boolean send) { this.sendCommands = send; }

  /** False on a NameNode that must not command DataNodes (no replication work either). */
  public boolean isSendingCommands() { return sendCommands && !standby; }

  /**
   * HA: standby mode, set by the HA controller when the NameNode becomes standby and cleared
   * (before {@link BlockReportProcessor#processAllQueued}) when it becomes active. A standby
   * processes every DataNode report as an active does, except that a message about a block
   * whose record it has not applied yet (unknown block id, a newer generation stamp, or a
   * length that contradicts the block's) is queued until {@link
   * BlockReportProcessor#processQueued}, and that it sends no command at all. Namesystem lock.
   */
  public void setStandby(boolean standby) {
    this.standby = standby;
    if (standby) {
      awaitingFullReports.clear();
    }
  }

  public boolean isStandby() { return standby; }

  /**
   * HA, becoming active: replica deletions decided from reports (invalid, excess and corrupt
   * replicas) wait until each of {@code live} has sent this NameNode a full report, since until
   * then its view of replicas may predate what the previous active had DataNodes delete (HDFS
   * postpones them the same way). Deletions of removed files' blocks are not held back.
   */
  public void awaitFullReports(java.util.Collection<DataNodeDescriptor> live) {
    awaitingFullReports.clear();
    awaitingFullReports.addAll(live);
  }

  /** {@code node} sent a full report (or is gone): it no longer holds back deletions. */
  public void fullReportReceived(DataNodeDescriptor node) {
    awaitingFullReports.remove(node);
  }

  /** Whether report-driven deletions may be sent ({@link #awaitFullReports}). */
  public boolean mayDeleteFromReports() {
    return awaitingFullReports.isEmpty();
  }

  /** DataNodes whose first full report a new active still waits for. */
  public int awaitingFullReportCount() {
    return awaitingFullReports.size();
  }

  /** DataNode messages a standby keeps for records it has not applied yet (metrics). */
  public int getQueuedMessageCount() { return pendingMessages.size(); }

  /** Queued DataNode messages dropped because the queue was full, since start (metrics). */
  public long getDroppedMessageCount() { return pendingMessages.droppedCount(); }

  PendingDataNodeMessages pendingMessages() { return pendingMessages; }

  // --- Apply: the journaled side. The appliers call these and nothing else here.

  /** Apply: a block enters the map. */
  public void addBlock(BlockInfo b) {
    blockMap.add(b);
  }

  /** Apply: a block leaves its file; DataNodes holding it are told to delete it. */
  public void removeBlock(BlockInfo b) {
    blockMap.remove(b.getBlockId());
    replication.forget(b);
    BlockLocations loc = BlockLocations.of(b);
    if (isSendingCommands()) {
      for (Replica r : loc) {
        r.getNode().enqueue(DataNodeCommand.delete(List.of(r.toBlock(b))));
      }
    }
    loc.clear();
    loc.setPipeline(List.of());
    b.setBlockCollection(null);
  }

  /**
   * Apply: a record changed {@code b}'s state or file (or its file's replication). Re-evaluates
   * what depends on it here (its replication); a complete block's pipeline is dropped (nobody
   * writes it any more). Never changes the block itself.
   */
  public void blockChanged(BlockInfo b) {
    if (b.getState() != BlockState.UNDER_CONSTRUCTION) {
      expectPipelineReplicas(b);
    }
    if (b.getState() == BlockState.COMPLETE) {
      BlockLocations.of(b).setPipeline(List.of());
    }
    replication.check(b);
  }

  // --- Questions about locations, for validators and answers.

  /**
   * True when {@code b} is COMPLETE, or COMMITTED with its minimum good replicas: what HDFS
   * calls a complete block, derived here instead of stored. A block's state changes only by
   * records (COMMITTED -> COMPLETE by CloseFile, by the AddBlock after the next one, or by a
   * CommitBlockSync closing the file), so that a standby applying them holds the same states;
   * whatever must treat a committed block with its replicas as complete (closing a file,
   * allocating the next block, appending, safe mode, replication, decommissioning, readers'
   * last-block-complete flag) asks this. Unlike the state it follows the replicas: a committed
   * block that loses them is not complete any more.
   */
  public boolean isCompleteOrMinReplicated(BlockInfo b) {
    return b.getState() == BlockState.COMPLETE
        || (b.getState() == BlockState.COMMITTED && hasMinReplicas(b));
  }

  /** True when {@code b} has at least the minimum number of good replicas. */
  public boolean hasMinReplicas(BlockInfo b) {
    return countGoodIgnoringLength(b) >= minReplication;
  }

  /** Finalized uncorrupted replicas with the block's stamp, length not compared. */
  int countGoodIgnoringLength(BlockInfo b) {
    int n = 0;
    for (Replica r : BlockLocations.of(b)) {
      if (!r.isCorrupt() && r.getState() == ReplicaState.FINALIZED
          && r.getGenerationStamp(b) == b.getGenerationStamp()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Uncorrupted replicas of {@code b} finalized with exactly {@code written}'s stamp and length.
   */
  public int countFinalized(BlockInfo b, Block written) {
    int n = 0;
    for (Replica r : BlockLocations.of(b)) {
      if (!r.isCorrupt() && r.getState() == ReplicaState.FINALIZED
          && r.getGenerationStamp(b) == written.getGenerationStamp()
          && r.getNumBytes(b) == written.getNumBytes()) {
        n++;
      }
    }
    return n;
  }

  /** True when some DataNode reported a replica of {@code b}. */
  public boolean hasReplicas(BlockInfo b) {
    return BlockLocations.of(b).hasReplicas();
  }

  /** True when neither a replica nor a pipeline of {@code b} is known. */
  public boolean hasNoLocation(BlockInfo b) {
    BlockLocations loc = BlockLocations.of(b);
    return !loc.hasReplicas() && loc.pipeline().isEmpty();
  }

  /** The pipeline the writer of {@code b} was given (empty when none is known). */
  public List<DataNodeDescriptor> getPipeline(BlockInfo b) {
    return BlockLocations.of(b).pipeline();
  }

  /** Placement: {@code nodes} are the pipeline of {@code b} (the active's answer to a writer). */
  public void setPipeline(BlockInfo b, List<DataNodeDescriptor> nodes) {
    BlockLocations.of(b).setPipeline(nodes);
  }

  /** Append: the nodes holding a replica of {@code b} become its pipeline. */
  public void setPipelineToReplicas(BlockInfo b) {
    List<DataNodeDescriptor> nodes = new ArrayList<>();
    for (Replica r : BlockLocations.of(b)) {
      nodes.add(r.getNode());
    }
    setPipeline(b, nodes);
  }

  /** Nodes a block recovery may use: those with an uncorrupted replica, else the pipeline. */
  public List<DataNodeDescriptor> recoveryCandidates(BlockInfo b) {
    BlockLocations loc = BlockLocations.of(b);
    List<DataNodeDescriptor> nodes = new ArrayList<>(Math.max(loc.size(), 1));
    for (Replica r : loc) {
      if (!r.isCorrupt()) {
        nodes.add(r.getNode());
      }
    }
    return nodes.isEmpty() ? new ArrayList<>(loc.pipeline()) : nodes;
  }

  /**
   * The block with its locations, closest to {@code clientIp} first. Corrupt replicas are left
   * out unless every replica is corrupt. A block being written lists its pipeline.
   */
  public LocatedBlock locate(BlockInfo b, long offset, String clientIp) {
    BlockLocations loc = BlockLocations.of(b);
    List<DataNodeDescriptor> nodes = new ArrayList<>(loc.size());
    boolean corrupt = false;
    if (b.getState() == BlockState.UNDER_CONSTRUCTION && !loc.pipeline().isEmpty()) {
      nodes.addAll(loc.pipeline());
    } else {
      for (Replica r : loc) {
        if (!r.isCorrupt() && r.getGenerationStamp(b) == b.getGenerationStamp()) {
          nodes.add(r.getNode());
        }
      }
      if (nodes.isEmpty()) {
        for (Replica r : loc) {
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
  public List<DataNodeInfo> sortByDistance(List<DataNodeDescriptor> nodes, String clientIp) {
    List<DataNodeInfo> out = new ArrayList<>(nodes.size());
    int[] ranks = new int[nodes.size()];
    DataNodeInfo.State[] states = new DataNodeInfo.State[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      DataNodeDescriptor d = nodes.get(i);
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

  // --- Report processing, the monitors.

  /** Forgets {@code node}'s replica of {@code b} (deleted, stale, or the node is gone). */
  void removeReplica(BlockInfo b, DataNodeBlocks node) {
    BlockLocations.of(b).remove(node);
  }

  /**
   * A dead (or re-registering) node's replicas are forgotten and its blocks re-evaluated, so
   * those now short of replicas are queued for the replication monitor; transfers from or to
   * it are cancelled, its queued messages dropped (its next full report supersedes them).
   */
  public void removeNode(DataNodeDescriptor node) {
    awaitingFullReports.remove(node); // nothing is known of it any more, nothing stale
    DataNodeBlocks list = blocksOf(node);
    List<BlockInfo> affected = new ArrayList<>(list.size());
    for (BlockInfo b : list) {
      affected.add(b);
    }
    for (BlockInfo b : affected) {
      removeReplica(b, list);
    }
    list.pendingDeletes().clear();
    node.drainCommands();
    pendingMessages.removeNode(node);
    affected.addAll(replication.pending().removeNode(node));
    for (BlockInfo b : affected) {
      replication.check(b);
    }
  }
}
