package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.CloseFile;
import io.quire.namenode.records.EditRecord.CommitBlockSync;
import io.quire.namenode.records.EditRecord.ReassignLease;
import io.quire.protocol.exceptions.AlreadyBeingCreatedException;
import io.quire.protocol.exceptions.RecoveryInProgressException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.permission.FsAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease recovery (HDFS's internalReleaseLease): a file left open is closed at once when its
 * blocks allow it; a last block without any replica is dropped; otherwise the lease passes to
 * {@link #RECOVERY_HOLDER}, the block gets a recovery generation stamp (journaled) and a primary
 * DataNode among its replicas receives a RECOVER command on its next heartbeat. The primary
 * answers with commitBlockSynchronization ({@link BlockSyncOps}).
 *
 * <p>RECOVER command convention: the block carries the stamp the replicas hold; its length is
 * the longest length the replicas may keep: the new length for truncate, Long.MAX_VALUE for
 * lease recovery (the replicas agree on their shortest length); {@code newGenerationStamp} is
 * the recovery id. A copy on truncate ({@link TruncateCopies}) names the old block (its
 * replicas are the targets) and the new block in {@code newBlockId}; the DataNodes copy the
 * prefix and the primary commits the new block.
 */
public final class LeaseRecoveryOps {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseRecoveryOps.class);
  /** Lease holder of files whose recovery the NameNode runs. */
  public static final String RECOVERY_HOLDER = "QUIRE_NameNode_recovery";

  private final OpContext ctx;

  public LeaseRecoveryOps(OpContext ctx) {
    this.ctx = ctx;
  }

  /**
   * create/append (permissions checked) on a file open by someone: refuse, or recover it when
   * the lease lapsed. The answers never name the holder.
   */
  <T> OpResult<T> recoverForTakeOver(InodeFile f, String clientName, String user, String op)
      throws IOException {
    String holder = f.getClientName();
    if (WriterAccess.holdsLease(f, clientName, user)) {
      throw new AlreadyBeingCreatedException(op + ": this client already holds the lease of"
          + " the file");
    }
    if (!holder.equals(RECOVERY_HOLDER) && !ctx.state().leases().isSoftExpired(holder)) {
      throw new AlreadyBeingCreatedException(op + ": the file is open for writing by another"
          + " client");
    }
    List<EditRecord> records = startRecovery(f);
    RecoveryInProgressException e = new RecoveryInProgressException(op
        + ": lease recovery of the file is in progress; retry later");
    return OpResult.after(records, () -> {
      sendRecoverCommand(f);
      throw e;
    });
  }

  /** recoverLease: true when the file is closed; otherwise recovery is started. */
  public OpResult<Boolean> recoverLease(String path, String clientName) throws IOException {
    InodeFile f = FileOpsSupport.file(ctx, path, "recoverLease", FsAction.WRITE);
    if (!f.isUnderConstruction()) {
      return OpResult.none(true);
    }
    List<EditRecord> records = startRecovery(f);
    return OpResult.after(records, () -> {
      sendRecoverCommand(f);
      return !f.isUnderConstruction();
    });
  }

  /** Records that start (or finish at once) the recovery of an open file. */
  public List<EditRecord> startRecovery(InodeFile f) throws IOException {
    BlockInfo last = f.getLastBlock();
    long now = ctx.now();
    BlockManager bm = ctx.state().blockManager();
    for (BlockInfo b : f.getBlocks()) {
      if (b != last && !bm.isCompleteOrMinReplicated(b)) {
        throw new AlreadyBeingCreatedException("recoverLease " + f.getFullPath() + ": block "
            + b + " is waiting for its minimum replication; retry later");
      }
    }
    if (last == null || bm.isCompleteOrMinReplicated(last)) {
      return List.of(new CloseFile(f.getId(), now));
    }
    if (last.getState() == BlockState.COMMITTED) {
      throw new AlreadyBeingCreatedException("recoverLease " + f.getFullPath()
          + ": committed last block " + last + " is waiting for its minimum replication");
    }
    // A copy on truncate has no replica before the copy: its old block's replicas are read.
    BlockInfo source = ctx.state().truncateCopies().sourceOf(last);
    if (bm.hasNoLocation(source != null ? source : last)) {
      LOG.info("Recovering {}: last block {} has no replica; dropping it", f.getFullPath(), last);
      return List.of(new CommitBlockSync(f.getId(), last.getBlockId(),
          last.getGenerationStamp(), 0, true, true, now));
    }
    long recoveryId = ctx.state().lastIds().getLastGenerationStamp() + 1;
    LOG.info("Recovering {}: lease of {} moves to {}, block {} recovery id {}",
        f.getFullPath(), f.getClientName(), RECOVERY_HOLDER, last, recoveryId);
    return List.of(new ReassignLease(f.getId(), RECOVERY_HOLDER, last.getBlockId(), recoveryId));
  }

  /**
   * After {@link #startRecovery} was applied: queues RECOVER on a primary (the live replica
   * with the most recent heartbeat) when the last block is under recovery.
   */
  public void sendRecoverCommand(InodeFile f) {
    BlockInfo b = f.getLastBlock();
    if (b == null || b.getState() != BlockState.UNDER_RECOVERY) {
      return;
    }
    BlockInfo source = ctx.state().truncateCopies().sourceOf(b);
    List<DataNodeDescriptor> nodes =
        ctx.state().blockManager().recoveryCandidates(source != null ? source : b);
    DataNodeDescriptor primary = null;
    for (DataNodeDescriptor d : nodes) {
      if (ctx.state().blockManager().getDataNodes().isLive(d) && (primary == null
          || d.getLastHeartbeatMillis() > primary.getLastHeartbeatMillis())) {
        primary = d;
      }
    }
    if (primary == null) {
      LOG.warn("Recovery of {} in {}: no live DataNode holds a replica", b, f.getFullPath());
      return;
    }
    List<DataNodeInfo> targets = new ArrayList<>(nodes.size());
    for (DataNodeDescriptor d : nodes) {
      targets.add(d.toInfo(DataNodeInfo.State.LIVE));
    }
    long length = b.isTruncating() ? b.getNumBytes() : Long.MAX_VALUE;
    Block block = source != null
        ? new Block(source.getBlockId(), source.getGenerationStamp(), length)
        : new Block(b.getBlockId(), b.getGenerationStamp(), length);
    primary.enqueue(new DataNodeCommand(DataNodeCommand.Type.RECOVER, List.of(block),
        List.of(targets), b.getRecoveryId(), source != null ? b.getBlockId() : 0));
  }
}
