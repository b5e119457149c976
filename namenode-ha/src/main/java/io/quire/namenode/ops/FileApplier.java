package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord.*;
import java.util.List;

/**
 * Applies the records of files being written: blocks, close, append, truncate, recovery. Only
 * journaled fields change here: replica locations are neither read nor written (the block
 * manager hears of each changed block through {@code blockChanged} and keeps its volatile
 * bookkeeping itself), so every NameNode applying the same records reaches the same state.
 */
final class FileApplier {
  /** Lease user of a file that only the NameNode's recovery writes: matches no caller. */
  static final String NO_USER = "";
  private final NamespaceState s;

  FileApplier(NamespaceState s) {
    this.s = s;
  }

  void addBlock(AddBlock r) {
    InodeFile f = file(r.fileId(), r);
    long before = Usage.fileSpace(f);
    // Validation (AddBlockOps) required every block before the previous last one to have its
    // minimum replicas: the record completes them.
    List<BlockInfo> blocks = f.getBlocks();
    for (int i = 0; i < blocks.size() - 1; i++) {
      BlockInfo done = blocks.get(i);
      if (done.getState() == BlockState.COMMITTED) {
        done.setState(BlockState.COMPLETE);
        s.blockManager().blockChanged(done);
      }
    }
    BlockInfo b = new BlockInfo(r.blockId(), r.generationStamp(), 0, BlockState.UNDER_CONSTRUCTION);
    b.setBlockCollection(f);
    f.getBlocks().add(b);
    s.blockManager().addBlock(b);
    s.lastIds().seenBlockId(r.blockId());
    s.lastIds().seenGenerationStamp(r.generationStamp());
    recharge(f, before);
  }

  void commitBlock(CommitBlock r) {
    BlockInfo b = block(r.fileId(), r.blockId(), r);
    long before = Usage.fileSpace(InodeFile.of(b));
    b.setNumBytes(r.numBytes());
    if (b.getState() == BlockState.UNDER_CONSTRUCTION) {
      b.setState(BlockState.COMMITTED);
    }
    s.blockManager().blockChanged(b);
    recharge(InodeFile.of(b), before);
  }

  void abandonBlock(AbandonBlock r) {
    InodeFile f = file(r.fileId(), r);
    BlockInfo b = block(r.fileId(), r.blockId(), r);
    long before = Usage.fileSpace(f);
    f.getBlocks().remove(b);
    BlockRelease.release(s, b, f, null);
    recharge(f, before);
  }

  void updateBlockLength(UpdateBlockLength r) {
    BlockInfo b = block(r.fileId(), r.blockId(), r);
    long before = Usage.fileSpace(InodeFile.of(b));
    b.setNumBytes(r.numBytes());
    recharge(InodeFile.of(b), before);
  }

  void closeFile(CloseFile r) {
    close(file(r.fileId(), r), r.time());
  }

  private void close(InodeFile f, long time) {
    long before = Usage.fileSpace(f);
    for (BlockInfo b : f.getBlocks()) {
      if (b.getState() != BlockState.COMPLETE) {
        b.setState(BlockState.COMPLETE);
        s.blockManager().blockChanged(b);
      }
    }
    if (f.isUnderConstruction()) {
      s.leases().removeFile(f.getClientName(), f.getId());
    }
    f.clearUnderConstruction();
    f.setModificationTime(time);
    recharge(f, before);
  }

  void reopenForAppend(ReopenForAppend r) {
    InodeFile f = file(r.fileId(), r);
    long before = Usage.fileSpace(f);
    f.setUnderConstruction(r.clientName(), r.clientMachine(), r.user());
    s.leases().addFile(r.clientName(), f.getId());
    BlockInfo last = f.getLastBlock();
    if (last != null && last.getNumBytes() < f.getPreferredBlockSize()) {
      last.setState(BlockState.UNDER_CONSTRUCTION);
      s.blockManager().blockChanged(last);
    }
    recharge(f, before);
  }

  void truncate(Truncate r) {
    InodeFile f = file(r.fileId(), r);
    long before = Usage.fileSpace(f);
    List<BlockInfo> blocks = f.getBlocks();
    Cut cut = Cut.at(blocks, r.newLength());
    int keep = cut.whole();
    BlockInfo partial = r.recoveryGenerationStamp() != 0 && keep < blocks.size()
        ? blocks.get(keep++) : null;
    releaseFrom(f, blocks, keep);
    f.setModificationTime(r.time());
    if (partial != null) {
      partial.setNumBytes(r.newLength() - cut.offset());
      partial.setState(BlockState.UNDER_RECOVERY);
      partial.setRecoveryId(r.recoveryGenerationStamp());
      partial.setTruncating(true);
      s.blockManager().blockChanged(partial);
      reopenForRecovery(f, r.clientName(), r.clientMachine(), r.recoveryGenerationStamp());
    }
    recharge(f, before);
  }

  /**
   * Copy on truncate: the blocks from the one holding the new end on leave the file (the old
   * partial block stays for its snapshots and for the copy, {@link TruncateCopies}); a new last
   * block under recovery takes the kept prefix's length, and the file is reopened as for
   * {@link #truncate}.
   */
  void truncateCopy(TruncateCopy r) {
    InodeFile f = file(r.fileId(), r);
    long before = Usage.fileSpace(f);
    List<BlockInfo> blocks = f.getBlocks();
    Cut cut = Cut.at(blocks, r.newLength());
    if (cut.whole() == blocks.size()) {
      throw new IllegalStateException("apply " + r + ": the new length is not inside a block of "
          + f.getFullPath());
    }
    BlockInfo source = blocks.get(cut.whole());
    BlockInfo copy = new BlockInfo(r.newBlockId(), r.recoveryGenerationStamp(),
        r.newLength() - cut.offset(), BlockState.UNDER_RECOVERY);
    s.truncateCopies().start(copy, source); // before the release: the source must stay
    releaseFrom(f, blocks, cut.whole());
    copy.setRecoveryId(r.recoveryGenerationStamp());
    copy.setTruncating(true);
    copy.setBlockCollection(f);
    blocks.add(copy);
    s.blockManager().addBlock(copy);
    f.setModificationTime(r.time());
    s.lastIds().seenBlockId(r.newBlockId());
    reopenForRecovery(f, r.clientName(), r.clientMachine(), r.recoveryGenerationStamp());
    recharge(f, before);
  }

  /**
   * Where a truncate cuts a file's blocks: the {@code whole} blocks that end at or before the
   * new length stay as they are; the next one (if any) holds the new end, from {@code offset}.
   */
  private record Cut(int whole, long offset) {
    static Cut at(List<BlockInfo> blocks, long newLength) {
      long offset = 0;
      int whole = 0;
      while (whole < blocks.size() && offset + blocks.get(whole).getNumBytes() <= newLength) {
        offset += blocks.get(whole).getNumBytes();
        whole++;
      }
      return new Cut(whole, offset);
    }
  }

  /** The blocks of {@code f} from index {@code keep} on leave it, last first. */
  private void releaseFrom(InodeFile f, List<BlockInfo> blocks, int keep) {
    InodeFile holder = null;
    while (blocks.size() > keep) {
      holder = BlockRelease.release(s, blocks.remove(blocks.size() - 1), f, holder);
    }
  }

  /** A truncate leaves {@code f} open for the NameNode's recovery of its new last block. */
  private void reopenForRecovery(InodeFile f, String clientName, String clientMachine,
      long recoveryStamp) {
    f.setUnderConstruction(clientName, clientMachine, NO_USER); // recovery writes
    s.leases().addFile(clientName, f.getId());
    s.lastIds().seenGenerationStamp(recoveryStamp);
  }

  void updatePipeline(UpdatePipeline r) {
    BlockInfo b = block(r.fileId(), r.blockId(), r);
    long before = Usage.fileSpace(InodeFile.of(b));
    b.setGenerationStamp(r.newGenerationStamp());
    b.setNumBytes(r.numBytes());
    s.lastIds().seenGenerationStamp(r.newGenerationStamp());
    recharge(InodeFile.of(b), before);
  }

  void reassignLease(ReassignLease r) {
    InodeFile f = file(r.fileId(), r);
    long before = Usage.fileSpace(f);
    if (f.isUnderConstruction()) {
      s.leases().removeFile(f.getClientName(), f.getId());
    }
    f.setUnderConstruction(r.newHolder(), f.getClientMachine(), NO_USER);
    s.leases().addFile(r.newHolder(), f.getId());
    if (r.blockId() != 0) {
      BlockInfo b = block(r.fileId(), r.blockId(), r);
      b.setState(BlockState.UNDER_RECOVERY);
      b.setRecoveryId(r.recoveryGenerationStamp());
      s.blockManager().blockChanged(b);
      s.lastIds().seenGenerationStamp(r.recoveryGenerationStamp());
    }
    recharge(f, before);
  }

  void commitBlockSync(CommitBlockSync r) {
    InodeFile f = file(r.fileId(), r);
    BlockInfo b = block(r.fileId(), r.blockId(), r);
    long before = Usage.fileSpace(f);
    s.lastIds().seenGenerationStamp(r.newGenerationStamp());
    if (r.deleteBlock()) {
      f.getBlocks().remove(b);
      BlockRelease.release(s, b, f, null);
    } else {
      b.setGenerationStamp(r.newGenerationStamp());
      b.setNumBytes(r.newLength());
      b.setState(BlockState.COMMITTED);
      b.setRecoveryId(0);
      b.setTruncating(false);
      s.blockManager().blockChanged(b);
      s.truncateCopies().finish(s, b);
    }
    recharge(f, before);
    if (r.closeFile()) {
      close(f, r.time());
    }
  }

  /** Charges the quota directories above {@code f} with its space change since {@code before}. */
  private static void recharge(InodeFile f, long before) {
    Usage.charge(f.getParent(), 0, Usage.fileSpace(f) - before);
  }

  private InodeFile file(long fileId, Object rec) {
    Inode i = s.tree().getById(fileId);
    if (i instanceof InodeFile f) {
      return f;
    }
    throw new IllegalStateException("apply " + rec + ": no file with inode id " + fileId);
  }

  private BlockInfo block(long fileId, long blockId, Object rec) {
    BlockInfo b = s.blocks().get(blockId);
    if (b == null || b.isDeleted() || InodeFile.of(b).getId() != fileId) {
      throw new IllegalStateException("apply " + rec + ": block " + blockId
          + " is not a block of inode " + fileId);
    }
    return b;
  }
}
