package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.records.EditRecord.SetGenerationStamp;
import io.quire.namenode.records.EditRecord.UpdatePipeline;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pipeline recovery by the writer: a new generation stamp for the block being written
 * (journaled as the stamp counter), then the surviving pipeline with the new stamp and length;
 * and extra DataNodes to restore the pipeline's width.
 */
public final class PipelineOps {
  private final OpContext ctx;

  public PipelineOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<LocatedBlock> updateBlockForPipeline(Block block, String clientName)
      throws IOException {
    BlockInfo b = writersBlock(block, clientName, "updateBlockForPipeline");
    long gs = ctx.state().lastIds().getLastGenerationStamp() + 1;
    InodeFile f = InodeFile.of(b);
    long offset = f.computeLength() - b.getNumBytes();
    return OpResult.after(List.of(new SetGenerationStamp(gs)), () -> new LocatedBlock(
        new Block(b.getBlockId(), gs, b.getNumBytes()), offset,
        ctx.state().blockManager().sortByDistance(
            ctx.state().blockManager().getPipeline(b), null), false));
  }

  public OpResult<Void> updatePipeline(String clientName, Block oldBlock, Block newBlock,
      List<DataNodeInfo> newNodes) throws IOException {
    BlockInfo b = writersBlock(oldBlock, clientName, "updatePipeline");
    String op = "updatePipeline " + oldBlock;
    if (b.getGenerationStamp() == newBlock.getGenerationStamp()) {
      return OpResult.none(null); // a repeat
    }
    InodeFile f = InodeFile.of(b);
    ClientRanges.checkBlockLength("updatePipeline " + f.getFullPath(), newBlock.getNumBytes(), f);
    if (newBlock.getBlockId() != b.getBlockId()
        || newBlock.getGenerationStamp() < b.getGenerationStamp()
        || newBlock.getGenerationStamp() > ctx.state().lastIds().getLastGenerationStamp()) {
      throw new IOException(op + ": new block " + newBlock + " does not follow " + b);
    }
    List<DataNodeDescriptor> targets = new ArrayList<>(newNodes.size());
    for (DataNodeInfo n : newNodes) {
      DataNodeDescriptor d = ctx.state().blockManager().getDataNodes().get(n.getUuid());
      if (d != null) {
        targets.add(d);
      }
    }
    UpdatePipeline rec = new UpdatePipeline(f.getId(), b.getBlockId(),
        newBlock.getGenerationStamp(), newBlock.getNumBytes());
    return OpResult.after(List.of(rec), () -> {
      ctx.state().blockManager().setPipeline(b, targets);
      return null;
    });
  }

  public List<DataNodeInfo> getAdditionalDataNodes(String path, long fileId, Block block,
      List<DataNodeInfo> existing, List<String> excluded, int count, String clientName)
      throws IOException {
    String op = "getAdditionalDataNodes " + path;
    InodeFile f = FileOpsSupport.fileUnderConstruction(ctx, path, fileId, clientName, op);
    ClientRanges.checkDataNodeCount(op, count, ctx.options());
    Set<String> avoid = new HashSet<>(excluded == null ? List.of() : excluded);
    for (DataNodeInfo d : existing) {
      avoid.add(d.getUuid());
    }
    List<DataNodeDescriptor> chosen = ctx.state().blockManager().getPlacement()
        .chooseTargets(count, null, avoid, f.getPreferredBlockSize());
    return ctx.state().blockManager().sortByDistance(chosen, null);
  }

  private BlockInfo writersBlock(Block block, String clientName, String op) throws IOException {
    BlockInfo b = ctx.state().blocks().get(block.getBlockId());
    if (b == null || b.isDeleted()) {
      throw new IOException(op + " " + block + ": block does not belong to any file");
    }
    InodeFile f = InodeFile.of(b);
    WriterAccess.checkAccess(ctx, f, op + " " + block);
    WriterAccess.checkLease(ctx, f, clientName, op + " " + block);
    if (b.getState() != BlockState.UNDER_CONSTRUCTION || b != f.getLastBlock()) {
      throw new IOException(op + " " + block + ": block is not being written (" + b + ")");
    }
    return b;
  }
}
