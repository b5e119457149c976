package io.quire.datanode.storage;

import io.quire.protocol.exceptions.RecoveryInProgressException;
import io.quire.protocol.exceptions.ReplicaNotFoundException;
import io.quire.protocol.storage.AtomicFiles;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas of this DataNode across its storage directories: creation, finalization,
 * append/recovery, deletion and reports. State transitions (file moves, renames, truncation)
 * run under this object's lock, so the directory scanner's repairs, which re-check under it,
 * never see a replica's files and state disagree. Slow disk work stays outside it: data is
 * written by the replica's {@link Replica.Writer}, a new RBW replica's files are created after
 * its id is claimed, and a finalization's directory fsyncs follow its renames. Listeners hear
 * of RBW creation, finalization and deletion.
 */
public final class FsDataset {
  private static final Logger LOG = LoggerFactory.getLogger(FsDataset.class);

  private final DataStorage storage;
  private final ReplicaMap map = new ReplicaMap();
  private final List<ReplicaListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextDir = new AtomicInteger();
  private final ReplacementCopies copies = new ReplacementCopies(this);
  private final VolumeHealth volumes = new VolumeHealth(this);
  private final TruncateCopies truncateCopies = new TruncateCopies(this);

  /** Opens the dataset and rebuilds the replica map by scanning every directory. */
  public FsDataset(DataStorage storage) throws IOException {
    this.storage = storage;
    for (StorageDirectory sd : storage.getDirs()) {
      sd.clearTmp();
      ReplicaLoader.load(sd, map);
    }
    LOG.info("Loaded {} replicas from {}", map.size(), storage.getDirs());
  }

  public DataStorage getStorage() { return storage; }

  public void addListener(ReplicaListener l) { listeners.add(l); }

  public Replica getReplica(long blockId) { return map.get(blockId); }

  /** A snapshot of every replica in the map (temporary copies excluded). */
  public List<Replica> replicas() { return map.all(); }

  /** Whether {@code r} is still this node's replica of its block (not deleted or replaced). */
  public boolean isCurrent(Replica r) { return map.get(r.getBlockId()) == r; }

  ReplicaMap map() { return map; }

  /** Block file of the replica of {@code blockId}, or null if there is none. */
  public File getBlockFile(long blockId) {
    Replica r = map.get(blockId);
    return r == null ? null : r.getBlockFile();
  }

  /** Meta file of the replica of {@code blockId}, or null if there is none. */
  public File getMetaFile(long blockId) {
    Replica r = map.get(blockId);
    return r == null ? null : r.getMetaFile();
  }

  /**
   * Creates an empty RBW replica of {@code b} written by {@code writer}: {@link #claimRbw}
   * then {@link #createRbwFiles}.
   *
   * @param reportRbw whether NameNodes hear of the RBW replica (not for re-replication copies)
   */
  public Replica createRbw(Block b, Replica.Writer writer, boolean reportRbw) throws IOException {
    Replica r = claimRbw(b, writer);
    createRbwFiles(r, reportRbw);
    return r;
  }

  /**
   * First half of creating an RBW replica: claims block id {@code b} in the replica map for
   * {@code writer}, or refuses with {@link ReplicaAlreadyExistsException}. An unfinished
   * replica of the same id with an older generation stamp and no writer is replaced. Only this
   * runs under the lock. The replica has no files yet: the caller must follow with
   * {@link #createRbwFiles}, or {@link #releaseClaim} if it gives up before. Until then nobody
   * touches its files: deletion and recovery stop the writer first, the scanners leave
   * {@code rbw/} alone.
   */
  public Replica claimRbw(Block b, Replica.Writer writer) throws IOException {
    synchronized (this) {
      Replica old = map.get(b.getBlockId());
      if (old != null) {
        if (old.getState() == ReplicaState.FINALIZED || old.getWriter() != null
            || old.getGenerationStamp() >= b.getGenerationStamp()) {
          throw new ReplicaAlreadyExistsException("create replica " + b.getName()
              + ": this DataNode already holds " + old);
        }
        ReplicaMover.removeFiles(old);
        map.remove(old);
      }
      Replica r = new Replica(b.getBlockId(), b.getGenerationStamp(), ReplicaState.RBW, 0,
          chooseDir());
      r.setWriter(writer);
      map.put(r);
      return r;
    }
  }

  /**
   * Second half: creates the empty block file and header-only meta file of a claimed replica
   * (outside the lock) and, with {@code reportRbw}, tells listeners. On failure the claim is
   * released and whatever was created removed.
   */
  public void createRbwFiles(Replica r, boolean reportRbw) throws IOException {
    try {
      ReplicaMover.createEmptyFiles(r);
    } catch (IOException e) {
      releaseClaim(r);
      throw new IOException("create replica " + r.toBlock().getName() + " in " + r.getDir()
          + ": " + e.getMessage(), e);
    }
    if (reportRbw) {
      fireReceived(r);
    }
  }

  /**
   * Makes the directory entries of an unfinished replica's files durable: fsyncs the directory
   * holding them ({@code rbw/}, or {@code tmp/} for a temporary copy). New RBW files are created
   * without it; the replica's writer calls this on its first hsync (as HDFS does), so the data
   * an hsync forces cannot be lost with the files' entries in a crash. When this returns the
   * entries are on disk. Only the replica's writer may call it (nobody else moves its files
   * while it writes).
   */
  public void syncReplicaDirectory(Replica r) throws IOException {
    AtomicFiles.syncDirectory(r.getBlockFile().getParentFile().toPath());
  }

  /** Drops a replica from {@link #claimRbw} whose files were never (fully) created. */
  public void releaseClaim(Replica r) {
    synchronized (this) {
      if (map.remove(r)) {
        ReplicaMover.removeFiles(r);
      }
    }
  }

  /**
   * Creates the replica a TRANSFER (re-replication) writes into. Without a local replica, or
   * with an unfinished stale one, that is a new unreported RBW replica as in
   * {@link #createRbw}. A FINALIZED local replica that is known corrupt
   * ({@link Replica#isCorrupt}) or has an older generation stamp gets a temporary copy under
   * {@code tmp/} of the same storage directory instead; {@link #finalizeReplica} then swaps it
   * in (see {@link ReplicaReplacer}). A healthy FINALIZED replica is refused with
   * {@link ReplicaAlreadyExistsException}, as is a second concurrent copy.
   */
  public Replica createForTransfer(Block b, Replica.Writer writer) throws IOException {
    synchronized (this) {
      Replica old = map.get(b.getBlockId());
      if (old == null || old.getState() != ReplicaState.FINALIZED) {
        return createRbw(b, writer, false);
      }
      return copies.create(b, writer, old);
    }
  }

  /** Drops an unfinished temporary copy (its transfer failed); the old replica stays. */
  public void abortTemporary(Replica r) {
    copies.abort(r);
  }

  /**
   * Takes over an existing replica to continue writing it (append or pipeline recovery): stops
   * its writer, cuts it to {@code b.numBytes}, moves it to RBW with {@code newGs}. The files are
   * on disk when this returns.
   */
  public Replica recoverForAppend(Block b, long newGs, Replica.Writer writer) throws IOException {
    Replica r = existing(b, "recover for append");
    stopWriter(r);
    synchronized (this) {
      if (r.getGenerationStamp() >= newGs) {
        throw new RecoveryInProgressException("recover for append " + b.getName() + " to gs "
            + newGs + ": replica already at " + r);
      }
      if (r.getBytesOnDisk() < b.getNumBytes()) {
        throw new IOException("recover for append " + b.getName() + ": replica has "
            + r.getBytesOnDisk() + " bytes, writer expects " + b.getNumBytes());
      }
      ReplicaFiles.truncateAndSync(r.getBlockFile(), r.getMetaFile(), b.getNumBytes());
      ReplicaMover.moveDurably(r, ReplicaState.RBW, newGs);
      r.setBytesOnDisk(b.getNumBytes());
      r.resetAckedLength(b.getNumBytes());
      r.setWriter(writer);
    }
    fireReceived(r);
    return r;
  }

  /**
   * Finalizes an RBW replica durably: moves it to {@code finalized/} and fsyncs the
   * directories involved (target, source, and a new subdirectory's entry), then reports it.
   * When this returns the rename is on disk; the caller makes the block and meta file contents
   * durable before calling (see {@code quire.datanode.sync-on-close}). The dataset lock is held
   * only for the renames and the replica's state change; the fsyncs run after it, so
   * finalizations on this DataNode do not queue behind each other's disk flushes. A temporary
   * copy replaces the map's replica of its block instead (always durably).
   */
  public void finalizeReplicaDurably(Replica r) throws IOException {
    finalizeReplica(r, true);
  }

  /**
   * Finalizes an RBW replica without any directory fsync (HDFS's behaviour with
   * dfs.datanode.synconclose off): the move reaches the disk when the file system commits it.
   * A crash before that leaves the meta file moved and the block file behind, or neither;
   * {@link ReplicaLoader} completes the first at start and recovers the second as an RWR
   * replica. A temporary copy replaces the map's replica of its block instead (durably).
   */
  public void finalizeReplica(Replica r) throws IOException {
    finalizeReplica(r, false);
  }

  private void finalizeReplica(Replica r, boolean durable) throws IOException {
    if (r.isTemporary()) {
      copies.finalizeCopy(r);
      return;
    }
    ReplicaMover.Renamed moved;
    synchronized (this) {
      if (map.get(r.getBlockId()) != r) {
        throw new ReplicaNotFoundException("finalize " + r + ": replica was removed");
      }
      moved = ReplicaMover.rename(r, ReplicaState.FINALIZED, r.getGenerationStamp());
      r.resetAckedLength(r.getBytesOnDisk());
    }
    if (durable) {
      ReplicaMover.syncDirectories(moved);
    }
    fireReceived(r);
  }

  /**
   * First phase of block recovery: stops the replica's writer and freezes it (an RBW replica
   * becomes RWR). Returns the replica as it is now.
   */
  public ReportedBlock initRecovery(Block b, long recoveryGs) throws IOException {
    Replica r = existing(b, "init recovery");
    stopWriter(r);
    synchronized (this) {
      if (r.getGenerationStamp() >= recoveryGs) {
        throw new RecoveryInProgressException("init recovery of " + b.getName() + " with gs "
            + recoveryGs + ": replica already at " + r);
      }
      if (r.getState() == ReplicaState.RBW) {
        r.setState(ReplicaState.RWR);
      }
      return r.toReported();
    }
  }

  /**
   * Second phase of block recovery: cuts the replica to {@code newLength}, re-stamps it with
   * {@code newGs} and finalizes it (on disk when this returns). Repeating it is harmless.
   */
  public ReportedBlock updateRecovery(Block b, long newGs, long newLength) throws IOException {
    Replica r = map.get(b.getBlockId());
    if (r == null) {
      throw new ReplicaNotFoundException("update recovery: no replica of blk_" + b.getBlockId());
    }
    stopWriter(r);
    synchronized (this) {
      if (r.getGenerationStamp() == newGs && r.getState() == ReplicaState.FINALIZED
          && r.getBytesOnDisk() == newLength) {
        return r.toReported();
      }
      if (r.getGenerationStamp() > newGs || r.getBytesOnDisk() < newLength) {
        throw new IOException("update recovery of " + b.getName() + " to gs " + newGs
            + ", length " + newLength + ": replica is " + r);
      }
      ReplicaFiles.truncateAndSync(r.getBlockFile(), r.getMetaFile(), newLength);
      r.setBytesOnDisk(newLength);
      ReplicaMover.moveDurably(r, ReplicaState.FINALIZED, newGs);
      r.resetAckedLength(newLength);
    }
    fireReceived(r);
    return r.toReported();
  }

  /**
   * Copy on truncate ({@link TruncateCopies}): a new FINALIZED replica of {@code newBlockId}
   * stamped {@code newGs} with the first {@code newLength} bytes of the replica of {@code b},
   * which is left as it is; reported to listeners, on disk when this returns. Repeating it is
   * harmless.
   */
  public ReportedBlock copyForTruncate(Block b, long newGs, long newLength, long newBlockId)
      throws IOException {
    return truncateCopies.copy(b, newGs, newLength, newBlockId);
  }

  /**
   * Deletes the replicas of {@code blocks} whose generation stamp is not newer than the one
   * given; returns the blocks deleted (listeners are told of each).
   */
  public List<Block> delete(List<Block> blocks) {
    List<Block> deleted = new ArrayList<>();
    for (Block b : blocks) {
      Replica r = map.get(b.getBlockId());
      if (r == null || r.getGenerationStamp() > b.getGenerationStamp()) {
        LOG.info("Delete {}: no such replica (have {})", b.getName(), r);
        continue;
      }
      stopWriter(r);
      synchronized (this) {
        if (!map.remove(r)) {
          continue;
        }
        ReplicaMover.removeFiles(r);
      }
      LOG.info("Deleted replica {}", r);
      deleted.add(r.toBlock());
      fireDeleted(r.toBlock());
    }
    return deleted;
  }

  /** Every replica with its state and on-disk length, for a full block report. */
  public List<ReportedBlock> blockReport() {
    List<ReportedBlock> out = new ArrayList<>();
    for (Replica r : map.all()) {
      out.add(r.toReported());
    }
    return out;
  }

  /**
   * Capacity and remaining of the distinct volumes in service, used = block and meta file
   * bytes, and the number of failed volumes.
   */
  public StorageReport storageReport(int activeTransfers) {
    List<StorageDirectory> inService = new ArrayList<>();
    for (StorageDirectory sd : storage.getDirs()) {
      if (!volumes.isFailed(sd)) {
        inService.add(sd);
      }
    }
    return StorageUsage.report(inService, map.all(), activeTransfers,
        volumes.getFailedCount());
  }

  private Replica existing(Block b, String op) throws ReplicaNotFoundException {
    Replica r = map.get(b.getBlockId());
    if (r == null || r.getGenerationStamp() < b.getGenerationStamp()) {
      throw new ReplicaNotFoundException(op + " " + b.getName() + ": no such replica"
          + (r == null ? "" : " (have " + r + ")"));
    }
    return r;
  }

  static void stopWriter(Replica r) {
    Replica.Writer w = r.getWriter();
    if (w != null) {
      w.stopWriting();
      r.clearWriter(w);
    }
  }

  /** Round-robin over the volumes in service. */
  private StorageDirectory chooseDir() throws IOException {
    List<StorageDirectory> dirs = storage.getDirs();
    for (int i = 0; i < dirs.size(); i++) {
      StorageDirectory sd = dirs.get(Math.floorMod(nextDir.getAndIncrement(), dirs.size()));
      if (!volumes.isFailed(sd)) {
        return sd;
      }
    }
    throw new IOException("choose a volume for a new replica: every storage directory of "
        + dirs + " has failed");
  }

  /** Failed-volume detection and the volumes out of service. */
  public VolumeHealth getVolumeHealth() { return volumes; }

  void fireDeleted(Block b) {
    for (ReplicaListener l : listeners) {
      l.replicaDeleted(b);
    }
  }

  void fireReceived(Replica r) {
    ReportedBlock rb = r.toReported();
    for (ReplicaListener l : listeners) {
      l.replicaReceived(rb);
    }
  }
}
