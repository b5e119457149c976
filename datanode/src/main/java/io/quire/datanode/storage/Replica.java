package io.quire.datanode.storage;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.File;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One replica on this DataNode: block id, generation stamp, state, the bytes on disk and, for
 * a replica being written, the bytes acknowledged upstream (its visible length). Its files live
 * in one {@link StorageDirectory}: under {@code finalized/subdirXX} when FINALIZED, under
 * {@code rbw} otherwise. State transitions are made by {@link FsDataset} under its lock.
 */
public final class Replica {
  /** Something writing into this replica that can be told to stop (an open pipeline). */
  public interface Writer {
    /** Stops writing and waits until the writer released the replica's files. */
    void stopWriting();
  }

  private final long blockId;
  private final StorageDirectory dir;
  private volatile long generationStamp;
  private volatile ReplicaState state;
  private volatile long bytesOnDisk;
  private volatile long ackedLength;
  private volatile Writer writer;
  private volatile boolean temporary;
  private final AtomicBoolean corrupt = new AtomicBoolean();

  Replica(long blockId, long generationStamp, ReplicaState state, long bytesOnDisk,
      StorageDirectory dir) {
    this.blockId = blockId;
    this.generationStamp = generationStamp;
    this.state = state;
    this.bytesOnDisk = bytesOnDisk;
    this.ackedLength = bytesOnDisk;
    this.dir = dir;
  }

  public long getBlockId() { return blockId; }
  public long getGenerationStamp() { return generationStamp; }
  public ReplicaState getState() { return state; }
  public long getBytesOnDisk() { return bytesOnDisk; }
  public StorageDirectory getDir() { return dir; }

  /** Bytes a reader may see: all of a FINALIZED or RWR replica, the acked bytes of an RBW. */
  public long getVisibleLength() {
    return state == ReplicaState.RBW ? Math.min(ackedLength, bytesOnDisk) : bytesOnDisk;
  }

  public File getBlockFile() {
    return new File(stateDir(state), "blk_" + blockId);
  }

  public File getMetaFile() {
    return new File(stateDir(state), BlockMetaFile.name(blockId, generationStamp));
  }

  File stateDir(ReplicaState s) {
    if (s == ReplicaState.FINALIZED) {
      return dir.getFinalizedDirFor(blockId);
    }
    return temporary ? dir.getTmpDir() : dir.getRbwDir();
  }

  /**
   * Whether this is a temporary copy under {@code tmp/} that replaces the map's corrupt or
   * stale replica of the same block when it is finalized (it is not in the replica map).
   */
  public boolean isTemporary() { return temporary; }

  void setTemporary(boolean t) { temporary = t; }

  /**
   * Marks this replica corrupt; true only for the first call, so a corruption is reported once.
   * A replacement or a re-created replica is a new object and starts healthy.
   */
  public boolean markCorrupt() { return corrupt.compareAndSet(false, true); }

  /** Whether this replica was found corrupt (by the block or directory scanner, or a reader). */
  public boolean isCorrupt() { return corrupt.get(); }

  /** Records bytes written to disk by the current writer. */
  public void setBytesOnDisk(long n) { bytesOnDisk = n; }

  /** Records bytes acknowledged upstream; only grows. */
  public void setAckedLength(long n) {
    if (n > ackedLength) {
      ackedLength = n;
    }
  }

  public Writer getWriter() { return writer; }
  public void setWriter(Writer w) { writer = w; }

  /** Clears the writer if it is still {@code w}. */
  public synchronized void clearWriter(Writer w) {
    if (writer == w) {
      writer = null;
    }
  }

  void setGenerationStamp(long gs) { generationStamp = gs; }
  void setState(ReplicaState s) { state = s; }
  void resetAckedLength(long n) { ackedLength = n; }

  public Block toBlock() { return new Block(blockId, generationStamp, bytesOnDisk); }

  public ReportedBlock toReported() { return new ReportedBlock(toBlock(), state); }

  @Override public String toString() {
    return "blk_" + blockId + "_" + generationStamp + "[" + state + (temporary ? " tmp" : "")
        + (isCorrupt() ? " corrupt" : "") + ", " + bytesOnDisk
        + "B on disk, " + getVisibleLength() + "B visible, " + dir + "]";
  }
}
