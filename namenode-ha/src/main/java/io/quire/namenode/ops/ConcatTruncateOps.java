package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord.Concat;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.Truncate;
import io.quire.namenode.records.EditRecord.TruncateCopy;
import io.quire.protocol.exceptions.AlreadyBeingCreatedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * concat and truncate, with HDFS's checks. concat: at least one source; sources distinct,
 * existing, closed, non-empty files other than the target, with the target's block size; the
 * target closed. truncate: a closed file, new length not above the current one; on a block
 * boundary it is done at once, otherwise the block holding the new end is recovered to its
 * new length (the answer is false and the file stays open until the recovery commits): cut in
 * place, or, when a snapshot holds that block, copied to a new block (HDFS's copy on
 * truncate; the old block stays intact for the snapshots). The file's space after the
 * truncate must fit its quotas (HDFS's verifyQuotaForTruncate).
 */
public final class ConcatTruncateOps {
  private final OpContext ctx;
  private final LeaseRecoveryOps recovery;

  public ConcatTruncateOps(OpContext ctx, LeaseRecoveryOps recovery) {
    this.ctx = ctx;
    this.recovery = recovery;
  }

  public OpResult<Void> concat(String target, List<String> sources) throws IOException {
    String op = "concat " + target;
    InodeFile t = FileOpsSupport.file(ctx, target, "concat", FsAction.WRITE);
    if (sources == null || sources.isEmpty()) {
      throw new HadoopIllegalArgumentException(op + ": no source files given");
    }
    if (t.isUnderConstruction()) {
      throw new AlreadyBeingCreatedException(op + ": target is open for writing");
    }
    Set<InodeFile> seen = new HashSet<>();
    List<String> paths = new ArrayList<>(sources.size());
    for (String src : sources) {
      InodeFile s = FileOpsSupport.file(ctx, src, "concat", FsAction.READ);
      ctx.checker().check(s.getParent(), FsAction.WRITE);
      String sp = s.getFullPath();
      if (s == t) {
        throw new HadoopIllegalArgumentException(op + ": source " + sp + " is the target");
      }
      if (!seen.add(s)) {
        throw new HadoopIllegalArgumentException(op + ": source " + sp + " is given twice");
      }
      if (s.isUnderConstruction()) {
        throw new AlreadyBeingCreatedException(op + ": source " + sp + " is open for writing");
      }
      if (s.getBlocks().isEmpty() || s.computeLength() == 0) {
        throw new HadoopIllegalArgumentException(op + ": source " + sp + " is empty");
      }
      if (s.getPreferredBlockSize() != t.getPreferredBlockSize()) {
        throw new HadoopIllegalArgumentException(op + ": source " + sp + " has block size "
            + s.getPreferredBlockSize() + ", target has " + t.getPreferredBlockSize());
      }
      paths.add(sp);
    }
    QuotaCheck quota = new QuotaCheck();
    for (InodeFile s : seen) {
      quota.add(t.getParent(), 0, Usage.fileBytes(s) * t.getReplication());
    }
    for (InodeFile s : seen) {
      quota.add(s.getParent(), -1, -Usage.fileSpace(s));
    }
    quota.verify();
    return OpResult.of(new Concat(t.getFullPath(), paths, ctx.now()), null);
  }

  public OpResult<Boolean> truncate(String path, long newLength, String clientName,
      String clientMachine) throws IOException {
    InodeFile f = FileOpsSupport.file(ctx, path, "truncate", FsAction.WRITE);
    String op = "truncate " + f.getFullPath();
    if (newLength < 0) {
      throw new HadoopIllegalArgumentException(op + ": negative new length " + newLength);
    }
    if (f.isUnderConstruction()) {
      return recovery.recoverForTakeOver(f, clientName, ctx.checker().caller().user(), op);
    }
    long length = f.computeLength();
    if (newLength > length) {
      throw new HadoopIllegalArgumentException(op + ": cannot truncate to a larger size "
          + newLength + " (current length " + length + ")");
    }
    if (newLength == length) {
      return OpResult.none(true);
    }
    long offset = 0;
    for (BlockInfo b : f.getBlocks()) {
      if (offset == newLength) {
        break;
      }
      if (offset + b.getNumBytes() > newLength) {
        verifyQuota(f, offset + f.getPreferredBlockSize());
        long gs = ctx.state().lastIds().getLastGenerationStamp() + 1;
        EditRecord rec;
        if (b.getSnapshotRefs() > 0) {
          // HDFS's copy on truncate: a snapshot holds the block, so it stays as it is and the
          // file gets a new block that recovery fills with the kept prefix.
          long newBlockId = ctx.state().lastIds().getLastBlockId() + 1;
          rec = new TruncateCopy(f.getId(), newLength, ctx.now(), gs, newBlockId, clientName,
              clientMachine);
        } else {
          rec = new Truncate(f.getId(), newLength, ctx.now(), gs, clientName, clientMachine);
        }
        return OpResult.after(List.of(rec), () -> {
          recovery.sendRecoverCommand(f);
          return false;
        });
      }
      offset += b.getNumBytes();
    }
    verifyQuota(f, newLength);
    return OpResult.of(new Truncate(f.getId(), newLength, ctx.now(), 0, null, null), true);
  }

  /**
   * HDFS's verifyQuotaForTruncate: the file's space after the truncate ({@code bytesAfter} per
   * replica: the whole blocks kept, plus the preferred block size for a block under recovery,
   * charged in full until it is recovered, copied or not) must fit the quotas above it. A
   * block only a snapshot keeps is charged to no quota in Quire (QUOTAS.md), so a copy needs
   * room for its new block alone, not for the old one as well.
   */
  private void verifyQuota(InodeFile f, long bytesAfter) throws IOException {
    long delta = (bytesAfter - Usage.fileBytes(f)) * f.getReplication();
    if (delta > 0) {
      QuotaCheck.verify(f.getParent(), 0, delta);
    }
  }
}
