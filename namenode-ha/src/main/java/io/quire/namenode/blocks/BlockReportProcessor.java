package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeCommand;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns DataNode block reports into replica bookkeeping. A replica of a block no file owns, or
 * with a generation stamp older than the block's, is answered with a DELETE command; a
 * finalized replica whose length differs from a complete block's is marked corrupt. In safe
 * mode no DELETE is sent (the next full report brings those replicas up again). A replica the
 * NameNode ordered deleted is ignored until the node confirms the deletion (incremental report,
 * or a full report without it). Every replica change re-evaluates the block's replication
 * ({@link BlockManager#checkReplication}). Runs under the namesystem write lock.
 */
public final class BlockReportProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReportProcessor.class);

  private final BlockManager blocks;

  public BlockReportProcessor(BlockManager blocks) {
    this.blocks = blocks;
  }

  /** A full report replaces what is known of {@code node}; returns the commands to send. */
  public List<DatanodeCommand> processFullReport(DatanodeDescriptor node,
      List<ReportedBlock> report) {
    List<Block> toDelete = new ArrayList<>();
    Set<BlockInfo> seen = new HashSet<>(report.size() * 2);
    for (ReportedBlock rb : report) {
      BlockInfo b = processReplica(node, rb, toDelete);
      if (b != null) {
        seen.add(b);
      }
    }
    List<BlockInfo> gone = new ArrayList<>();
    for (BlockInfo b : node.getBlocks()) {
      if (!seen.contains(b)) {
        gone.add(b);
      }
    }
    for (BlockInfo b : gone) {
      removeReplica(node, b);
    }
    Set<Long> reportedIds = new HashSet<>(report.size() * 2);
    for (ReportedBlock rb : report) {
      reportedIds.add(rb.getBlock().getBlockId());
    }
    node.getPendingDeletes().retainAll(reportedIds);
    return toDelete.isEmpty() || blocks.isInSafeMode() ? List.of()
        : List.of(DatanodeCommand.delete(toDelete));
  }

  /** Incremental report: replicas received (or opened) and deleted. */
  public void processIncremental(DatanodeDescriptor node, List<ReportedBlock> received,
      List<Block> deleted) {
    List<Block> toDelete = new ArrayList<>();
    for (ReportedBlock rb : received) {
      processReplica(node, rb, toDelete);
    }
    for (Block d : deleted) {
      node.getPendingDeletes().remove(d.getBlockId());
      BlockInfo b = blocks.getBlockMap().get(d.getBlockId());
      if (b != null) {
        removeReplica(node, b);
      }
    }
    if (!toDelete.isEmpty() && !blocks.isInSafeMode()) {
      node.enqueue(DatanodeCommand.delete(toDelete));
    }
  }

  /** Records one reported replica; returns its block when the replica was kept. */
  private BlockInfo processReplica(DatanodeDescriptor node, ReportedBlock rb,
      List<Block> toDelete) {
    Block reported = rb.getBlock();
    BlockInfo b = blocks.getBlockMap().get(reported.getBlockId());
    if (b == null) {
      LOG.debug("{} reported {} which belongs to no file: delete", node, reported);
      toDelete.add(reported);
      return null;
    }
    if (reported.getGenerationStamp() < b.getGenerationStamp()
        && b.getState() != BlockState.UNDER_RECOVERY) {
      LOG.info("{} holds {} with a stale generation stamp (block is {}): delete",
          node, reported, b);
      removeReplica(node, b);
      toDelete.add(reported);
      return null;
    }
    if (node.getPendingDeletes().contains(b.getBlockId())) {
      LOG.debug("{} still reports {} which it was told to delete: ignored", node, reported);
      return null;
    }
    BlockLocations loc = BlockLocations.edit(b);
    Replica r = loc.find(node);
    if (r == null) {
      r = new Replica(node, rb.getState(), reported.getGenerationStamp(), reported.getNumBytes());
      loc.add(r);
      node.getBlocks().add(b);
    } else {
      r.update(rb.getState(), reported.getGenerationStamp(), reported.getNumBytes());
    }
    if (rb.getState() == ReplicaState.FINALIZED
        && reported.getGenerationStamp() == b.getGenerationStamp()
        && (b.getState() == BlockState.COMPLETE || b.getState() == BlockState.COMMITTED)
        && reported.getNumBytes() != b.getNumBytes() && !r.isCorrupt()) {
      LOG.warn("{} holds {} with length {} but the block has {}: marking corrupt", node,
          b, reported.getNumBytes(), b.getNumBytes());
      r.markCorrupt();
    }
    blocks.getReplication().pending().replicaArrived(b, node);
    blocks.checkReplication(b);
    return b;
  }

  /** A client or DataNode found {@code node}'s replica of {@code block} corrupt. */
  public void markCorrupt(Block block, DatanodeDescriptor node) {
    BlockInfo b = blocks.getBlockMap().get(block.getBlockId());
    if (b == null) {
      return;
    }
    Replica r = BlockLocations.of(b).find(node);
    if (r != null && !r.isCorrupt()) {
      LOG.warn("Replica of {} on {} reported corrupt", b, node);
      r.markCorrupt();
      blocks.checkReplication(b);
    }
  }

  private void removeReplica(DatanodeDescriptor node, BlockInfo b) {
    blocks.removeReplica(b, node);
    blocks.checkReplication(b);
  }
}
