package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.CloseFile;
import io.quire.namenode.records.EditRecord.CommitBlock;
import io.quire.namenode.records.EditRecord.UpdateBlockLength;
import io.quire.protocol.types.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * complete (close a file being written) and fsync (record the length written so far).
 * complete commits the last block, and closes the file only once every block has its minimum
 * number of replicas reported (finalized, right stamp and length); until then it answers false
 * and the client retries.
 */
public final class CompleteOps {
  private final OpContext ctx;

  public CompleteOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Boolean> complete(String path, long fileId, String clientName, Block last)
      throws IOException {
    String op = "complete " + path;
    Inode i = fileId > 0 ? ctx.state().tree().getById(fileId) : ctx.state().tree().get(path);
    if (i instanceof InodeFile f) {
      WriterAccess.checkAccess(ctx, f, op); // before anything about the file is answered
    }
    if (i instanceof InodeFile f && !f.isUnderConstruction() && isSameLast(f, last)) {
      return OpResult.none(true); // a retry after the file was closed
    }
    InodeFile f = FileOpsSupport.fileUnderConstruction(ctx, path, fileId, clientName, op);
    if (last != null) {
      ClientRanges.checkBlockLength(op, last.getNumBytes(), f);
    }
    BlockInfo lastBlock = f.getLastBlock();
    if ((last == null) != (lastBlock == null)
        || (last != null && last.getBlockId() != lastBlock.getBlockId())) {
      throw new IOException(op + ": block " + last + " is not the last block " + lastBlock
          + " of the file");
    }
    if (last != null && last.getGenerationStamp() != lastBlock.getGenerationStamp()) {
      throw new IOException(op + ": block " + last + " has generation stamp "
          + last.getGenerationStamp() + " but the NameNode's last block is " + lastBlock);
    }
    List<EditRecord> records = new ArrayList<>(2);
    if (last != null && (lastBlock.getState() == BlockState.UNDER_CONSTRUCTION
        || lastBlock.getNumBytes() != last.getNumBytes())) {
      records.add(new CommitBlock(f.getId(), lastBlock.getBlockId(), last.getNumBytes()));
    }
    BlockManager bm = ctx.state().blockManager();
    for (BlockInfo b : f.getBlocks()) {
      if (b != lastBlock && !bm.isCompleteOrMinReplicated(b)) {
        return OpResult.of(records, false);
      }
    }
    if (last != null && bm.countFinalized(lastBlock, last) < bm.getMinReplication()) {
      return OpResult.of(records, false);
    }
    records.add(new CloseFile(f.getId(), ctx.now()));
    return OpResult.of(records, true);
  }

  private static boolean isSameLast(InodeFile f, Block last) {
    BlockInfo b = f.getLastBlock();
    return last == null ? b == null : b != null && b.getBlockId() == last.getBlockId();
  }

  public OpResult<Void> fsync(String path, long fileId, String clientName, long lastBlockLength)
      throws IOException {
    String op = "fsync " + path;
    InodeFile f = FileOpsSupport.fileUnderConstruction(ctx, path, fileId, clientName, op);
    ClientRanges.checkBlockLength(op, lastBlockLength, f);
    BlockInfo last = f.getLastBlock();
    if (last == null || lastBlockLength <= last.getNumBytes()
        || last.getState() != BlockState.UNDER_CONSTRUCTION) {
      return OpResult.none(null);
    }
    return OpResult.of(new UpdateBlockLength(f.getId(), last.getBlockId(), lastBlockLength),
        null);
  }
}
