package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.records.EditRecord.CommitBlockSync;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * commitBlockSynchronization: the primary DataNode of a block recovery reports the agreed
 * stamp and length; the NameNode journals them (and closes the file when asked).
 */
public final class BlockSyncOps {
  private final OpContext ctx;

  public BlockSyncOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Void> commitBlockSynchronization(Block block, long newGenerationStamp,
      long newLength, boolean closeFile, boolean deleteBlock, List<DataNodeId> newTargets)
      throws IOException {
    String op = "commitBlockSynchronization " + block;
    BlockInfo b = ctx.state().blocks().get(block.getBlockId());
    if (b == null || b.isDeleted()) {
      if (deleteBlock) {
        return OpResult.none(null);
      }
      throw new IOException(op + ": block does not belong to any file (deleted?)");
    }
    InodeFile f = InodeFile.of(b);
    if (!f.isUnderConstruction()) {
      if (b.getGenerationStamp() == newGenerationStamp && b.getNumBytes() == newLength) {
        return OpResult.none(null); // a repeat of a sync already applied
      }
      throw new IOException(op + ": file " + f.getFullPath() + " is already closed");
    }
    if (b.getState() != BlockState.UNDER_RECOVERY || b.getRecoveryId() != newGenerationStamp) {
      throw new IOException(op + ": block " + b + " is not under recovery with id "
          + newGenerationStamp + " (current recovery id " + b.getRecoveryId() + ")");
    }
    if (b.isTruncating() && !deleteBlock && newLength != b.getNumBytes()) {
      // Accepting it would silently undo the truncate; the file stays under recovery instead
      // (readers still see the truncated length) and the recovery is retried later.
      throw new IOException(op + ": recovered length " + newLength + " is not the truncate "
          + "target " + b.getNumBytes() + " of " + f.getFullPath() + "; the primary must cut "
          + "the replicas to the RECOVER command's block length");
    }
    if (b != f.getLastBlock()) {
      throw new IOException(op + ": block " + b + " is not the last block of "
          + f.getFullPath());
    }
    CommitBlockSync rec = new CommitBlockSync(f.getId(), b.getBlockId(), newGenerationStamp,
        newLength, closeFile, deleteBlock, ctx.now());
    return OpResult.after(List.of(rec), () -> {
      if (!deleteBlock && !closeFile) {
        List<DataNodeDescriptor> targets = new ArrayList<>();
        for (DataNodeId id : newTargets) {
          DataNodeDescriptor d = ctx.state().blockManager().getDataNodes().get(id.getUuid());
          if (d != null) {
            targets.add(d);
          }
        }
        ctx.state().blockManager().setPipeline(b, targets);
      }
      return null;
    });
  }
}
