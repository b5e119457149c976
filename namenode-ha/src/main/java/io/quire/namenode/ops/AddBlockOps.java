package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.AbandonBlock;
import io.quire.namenode.records.EditRecord.AddBlock;
import io.quire.namenode.records.EditRecord.CommitBlock;
import io.quire.protocol.exceptions.NotReplicatedYetException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * addBlock and abandonBlock. addBlock commits the previous block with the length the client
 * names, requires the blocks before it to have their minimum replicas (else
 * NotReplicatedYetException, as HDFS's checkFileProgress), allocates a block id and generation
 * stamp (journaled) and chooses the pipeline (not journaled). Applying its AddBlock record
 * completes the blocks this checked.
 */
public final class AddBlockOps {
  private final OpContext ctx;

  public AddBlockOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<LocatedBlock> addBlock(String path, long fileId, String clientName,
      Block previous, List<String> excludedNodes, String clientHost) throws IOException {
    String op = "addBlock " + path;
    InodeFile f = FileOpsSupport.fileUnderConstruction(ctx, path, fileId, clientName, op);
    if (previous != null) {
      ClientRanges.checkBlockLength(op, previous.getNumBytes(), f);
    }
    List<BlockInfo> blocks = f.getBlocks();
    BlockInfo last = f.getLastBlock();
    BlockManager bm = ctx.state().blockManager();
    if (isRetry(bm, f, previous)) {
      // The reply of an earlier addBlock was lost: hand out the same block again. Its pipeline
      // is volatile: when this NameNode does not know it (another NameNode added the block
      // before a failover), choose one now, as HDFS does for a retried addBlock.
      long offset = f.computeLength() - last.getNumBytes();
      LocatedBlock same = bm.locate(last, offset, null);
      if (!same.getLocations().isEmpty()) {
        return OpResult.none(same);
      }
      List<DataNodeDescriptor> targets = chooseTargets(op, bm, f, excludedNodes, clientHost);
      return OpResult.after(List.of(), () -> {
        bm.setPipeline(last, targets);
        return bm.locate(last, offset, null);
      });
    }
    // previous == null with a complete last block: append to a file whose last block is full.
    if (previous == null ? last != null && !last.isComplete() : last == null
        || last.getBlockId() != previous.getBlockId()
        || last.getGenerationStamp() != previous.getGenerationStamp()) {
      throw new IOException(op + ": previous block " + previous + " is not the last block "
          + last + " of the file");
    }
    for (int i = 0; i < blocks.size() - 1; i++) {
      BlockInfo b = blocks.get(i);
      if (!bm.isCompleteOrMinReplicated(b)) {
        throw new NotReplicatedYetException(op + ": block " + b
            + " has not reached its minimum replication yet");
      }
    }
    long committed = previous == null ? 0 : (previous.getNumBytes()
        - (Usage.isCharged(last) ? last.getNumBytes() : f.getPreferredBlockSize()));
    QuotaCheck.verify(f.getParent(), 0,
        (committed + f.getPreferredBlockSize()) * f.getReplication());
    List<DataNodeDescriptor> targets = chooseTargets(op, bm, f, excludedNodes, clientHost);
    List<EditRecord> records = new ArrayList<>(2);
    long offset = f.computeLength();
    if (previous != null) {
      records.add(new CommitBlock(f.getId(), previous.getBlockId(), previous.getNumBytes()));
      offset += previous.getNumBytes() - last.getNumBytes();
    }
    long blockId = ctx.state().lastIds().getLastBlockId() + 1;
    long gs = ctx.state().lastIds().getLastGenerationStamp() + 1;
    records.add(new AddBlock(f.getId(), blockId, gs));
    long blockOffset = offset;
    return OpResult.after(records, () -> {
      BlockInfo b = ctx.state().blocks().get(blockId);
      bm.setPipeline(b, targets);
      return bm.locate(b, blockOffset, null);
    });
  }

  private List<DataNodeDescriptor> chooseTargets(String op, BlockManager bm, InodeFile f,
      List<String> excludedNodes, String clientHost) throws IOException {
    Set<String> excluded = new HashSet<>(excludedNodes == null ? List.of() : excludedNodes);
    List<DataNodeDescriptor> targets = bm.getPlacement().chooseTargets(f.getReplication(),
        clientHost, excluded, f.getPreferredBlockSize());
    if (targets.isEmpty()) {
      throw new IOException(op + ": could only be written to 0 of the "
          + ctx.options().minReplication() + " minReplication nodes, there are "
          + bm.getDataNodes().getLiveCount() + " datanode(s) running and "
          + excluded.size() + " node(s) are excluded in this operation");
    }
    return targets;
  }

  /** Last block empty and still being set up, previous = the one before it. */
  private static boolean isRetry(BlockManager bm, InodeFile f, Block previous) {
    List<BlockInfo> blocks = f.getBlocks();
    BlockInfo last = f.getLastBlock();
    if (last == null || last.getState() != BlockState.UNDER_CONSTRUCTION
        || last.getNumBytes() != 0 || bm.hasReplicas(last)) {
      return false;
    }
    BlockInfo penultimate = blocks.size() >= 2 ? blocks.get(blocks.size() - 2) : null;
    return previous == null ? penultimate == null
        : penultimate != null && penultimate.getBlockId() == previous.getBlockId();
  }

  public OpResult<Void> abandonBlock(String path, long fileId, String clientName, Block block)
      throws IOException {
    InodeFile f = FileOpsSupport.fileUnderConstruction(ctx, path, fileId, clientName,
        "abandonBlock " + path);
    BlockInfo last = f.getLastBlock();
    if (last == null || last.getBlockId() != block.getBlockId()) {
      return OpResult.none(null); // already abandoned
    }
    return OpResult.of(new AbandonBlock(f.getId(), last.getBlockId()), null);
  }
}
