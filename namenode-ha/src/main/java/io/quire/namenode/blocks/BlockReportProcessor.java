package io.quire.namenode.blocks;

import io.quire.namenode.blocks.PendingDataNodeMessages.Message;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns DataNode block reports into replica bookkeeping; reports never change a block's
 * (journaled) state. A replica of a block no file owns, or with a generation stamp older than
 * the block's, is answered with a DELETE command; a finalized replica whose length differs from
 * a complete or committed block's is marked corrupt. No DELETE is sent in safe mode (the next
 * full report brings those replicas up again) nor by a NameNode that sends no commands. A
 * replica the NameNode ordered deleted is ignored until the node confirms the deletion
 * (incremental report, or a full report without it). Every replica change re-evaluates the
 * block's replication ({@link BlockManager#checkReplication}).
 *
 * <p>Standby ({@link BlockManager#setStandby}): a DataNode tells every NameNode of a replica as
 * soon as it has it, so a standby may hear of it before applying the record that explains it.
 * A message (replica of a full or incremental report, or corrupt-replica report) about a block
 * id the standby does not know yet ({@link BlockMap#isRemoved} tells a removed block from a
 * future one), a generation stamp newer than the block's, or a finalized length that
 * contradicts the block's, waits in {@link PendingDataNodeMessages} instead of being processed,
 * and so does any later message of the same node about that block, to keep their order. The
 * standby's log tailer calls {@link #processQueued} after each batch of records it applied;
 * becoming active calls {@link #processAllQueued}. A standby answers nothing with DELETE.
 * Runs under the namesystem write lock.
 */
public final class BlockReportProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReportProcessor.class);

  private final BlockManager blocks;
  private final PendingDataNodeMessages queue;

  public BlockReportProcessor(BlockManager blocks) {
    this.blocks = blocks;
    this.queue = blocks.pendingMessages();
  }

  /** A full report replaces what is known of {@code node}; returns the commands to send. */
  public List<DataNodeCommand> processFullReport(DataNodeDescriptor node,
      List<ReportedBlock> report) {
    boolean standby = blocks.isStandby();
    DataNodeBlocks list = blocks.blocksOf(node);
    queue.removeNode(node); // this report supersedes them
    blocks.fullReportReceived(node);
    List<Block> toDelete = new ArrayList<>();
    Set<BlockInfo> seen = new HashSet<>(report.size() * 2);
    for (ReportedBlock rb : report) {
      BlockInfo b = processReplica(list, rb.getBlock(), rb.getState(), toDelete, standby);
      if (b != null) {
        seen.add(b);
      }
    }
    List<BlockInfo> gone = new ArrayList<>();
    for (BlockInfo b : list) {
      if (!seen.contains(b)) {
        gone.add(b);
      }
    }
    for (BlockInfo b : gone) {
      removeReplica(list, b);
    }
    Set<Long> reportedIds = new HashSet<>(report.size() * 2);
    for (ReportedBlock rb : report) {
      reportedIds.add(rb.getBlock().getBlockId());
    }
    list.pendingDeletes().retainAll(reportedIds);
    return toDelete.isEmpty() || !mayDelete() ? List.of()
        : List.of(DataNodeCommand.delete(toDelete));
  }

  /** Incremental report: replicas received (or opened) and deleted. */
  public void processIncremental(DataNodeDescriptor node, List<ReportedBlock> received,
      List<Block> deleted) {
    boolean standby = blocks.isStandby();
    DataNodeBlocks list = blocks.blocksOf(node);
    List<Block> toDelete = new ArrayList<>();
    for (ReportedBlock rb : received) {
      processReplica(list, rb.getBlock(), rb.getState(), toDelete, standby);
    }
    for (Block d : deleted) {
      queue.remove(node, d.getBlockId()); // they describe a replica that is gone
      list.pendingDeletes().remove(d.getBlockId());
      BlockInfo b = blocks.getBlockMap().get(d.getBlockId());
      if (b != null) {
        removeReplica(list, b);
      }
    }
    sendDeletes(node, toDelete);
  }

  /** A client or DataNode found {@code node}'s replica of {@code block} corrupt. */
  public void markCorrupt(Block block, DataNodeDescriptor node) {
    markCorrupt(block, node, blocks.isStandby());
  }

  /**
   * Standby, after the log tailer applied a batch of records: processes, as if they had just
   * arrived, the queued messages whose block now exists with a generation stamp at least the
   * reported one (or is known removed); the others stay queued.
   */
  public void processQueued() {
    BlockMap map = blocks.getBlockMap();
    for (long id : queue.blockIds()) {
      BlockInfo b = map.get(id);
      boolean ready = b == null ? map.isRemoved(id)
          : queue.lowestStamp(id) <= b.getGenerationStamp();
      if (ready) {
        dispatch(queue.take(id), blocks.isStandby());
      }
    }
  }

  /**
   * Becoming active, once the whole log is applied and standby mode is off: processes every
   * queued message as an active does (a replica of a block that does not exist is invalid and,
   * when commands are sent, deleted; a stale one likewise).
   *
   * @throws IllegalStateException while still in standby mode
   */
  public void processAllQueued() {
    if (blocks.isStandby()) {
      throw new IllegalStateException("processAllQueued: the block manager is still in standby"
          + " mode; setStandby(false) first");
    }
    List<Message> all = queue.takeAll();
    if (!all.isEmpty()) {
      LOG.info("Processing {} queued DataNode messages on becoming active", all.size());
    }
    dispatch(all, false);
  }

  private void dispatch(List<Message> messages, boolean standby) {
    for (Message m : messages) {
      if (m.isCorruptReport()) {
        markCorrupt(m.block(), m.node(), standby);
      } else {
        List<Block> toDelete = new ArrayList<>(0);
        processReplica(blocks.blocksOf(m.node()), m.block(), m.state(), toDelete, standby);
        sendDeletes(m.node(), toDelete);
      }
    }
  }

  /**
   * Records one reported replica; returns its block when the replica was kept or waits in the
   * queue (so a full report does not forget the node's replica meanwhile).
   */
  private BlockInfo processReplica(DataNodeBlocks list, Block reported, ReplicaState state,
      List<Block> toDelete, boolean standby) {
    DataNodeDescriptor node = list.getNode();
    BlockInfo b = blocks.getBlockMap().get(reported.getBlockId());
    if (standby && mustWait(node, reported, state, b)) {
      LOG.debug("Standby: {} reported {} ({}) before the record of {}: queued", node, reported,
          state, b);
      queue.add(new Message(node, reported, state));
      return b;
    }
    if (b == null) {
      LOG.debug("{} reported {} which belongs to no file: delete", node, reported);
      toDelete.add(reported);
      return null;
    }
    if (reported.getGenerationStamp() < b.getGenerationStamp()
        && b.getState() != BlockState.UNDER_RECOVERY) {
      LOG.info("{} holds {} with a stale generation stamp (block is {}): delete",
          node, reported, b);
      removeReplica(list, b);
      toDelete.add(reported);
      return null;
    }
    if (list.pendingDeletes().contains(b.getBlockId())) {
      LOG.debug("{} still reports {} which it was told to delete: ignored", node, reported);
      return null;
    }
    BlockLocations loc = BlockLocations.of(b);
    loc.put(list, state, reported.getGenerationStamp(), reported.getNumBytes());
    if (lengthContradicts(b, reported, state) && loc.markCorrupt(list)) {
      LOG.warn("{} holds {} with length {} but the block has {}: marking corrupt", node,
          b, reported.getNumBytes(), b.getNumBytes());
    }
    blocks.getReplication().pending().replicaArrived(b, node);
    blocks.checkReplication(b);
    return b;
  }

  private void markCorrupt(Block block, DataNodeDescriptor node, boolean standby) {
    BlockInfo b = blocks.getBlockMap().get(block.getBlockId());
    if (standby && mustWait(node, block, null, b)) {
      queue.add(new Message(node, block, null));
      return;
    }
    if (b == null) {
      return;
    }
    if (BlockLocations.of(b).markCorrupt(blocks.blocksOf(node))) {
      LOG.warn("Replica of {} on {} reported corrupt", b, node);
      blocks.checkReplication(b);
    }
  }

  /**
   * Standby: whether a message must wait for records not applied yet. {@code state} is null for
   * a corrupt-replica report.
   */
  private boolean mustWait(DataNodeDescriptor node, Block reported, ReplicaState state,
      BlockInfo b) {
    if (queue.hasQueued(node, reported.getBlockId())) {
      return true; // behind the node's earlier message about the block
    }
    if (b == null) {
      return !blocks.getBlockMap().isRemoved(reported.getBlockId());
    }
    return reported.getGenerationStamp() > b.getGenerationStamp()
        || (state != null && lengthContradicts(b, reported, state));
  }

  /** A finalized replica with the block's stamp but not the length the block was given. */
  private static boolean lengthContradicts(BlockInfo b, Block reported, ReplicaState state) {
    return state == ReplicaState.FINALIZED
        && reported.getGenerationStamp() == b.getGenerationStamp()
        && (b.getState() == BlockState.COMPLETE || b.getState() == BlockState.COMMITTED)
        && reported.getNumBytes() != b.getNumBytes();
  }

  private boolean mayDelete() {
    return blocks.isSendingCommands() && !blocks.isInSafeMode() && blocks.mayDeleteFromReports();
  }

  private void sendDeletes(DataNodeDescriptor node, List<Block> toDelete) {
    if (!toDelete.isEmpty() && mayDelete()) {
      node.enqueue(DataNodeCommand.delete(toDelete));
    }
  }

  private void removeReplica(DataNodeBlocks node, BlockInfo b) {
    blocks.removeReplica(b, node);
    blocks.checkReplication(b);
  }
}
