package io.quire.namenode.blocks;

import io.quire.namenode.namespace.InodeFile;
import io.quire.protocol.types.Block;

/**
 * One block as the journal describes it: id, generation stamp, length, state, the file owning
 * it, and while a recovery runs its recovery id and whether it truncates. Only applying records
 * (and loading a checkpoint, which holds the same fields) changes them, so every NameNode that
 * applied the same records holds the same values, whatever DataNodes told it; the setters are
 * for the appliers.
 *
 * <p>Where the block's replicas are is not part of it: see {@link BlockLocations}, reachable
 * only inside this package. The block keeps a reference to them rather than
 * {@link BlockManager} keeping a map from block to locations because the block is the
 * NameNode's most numerous object: a reference costs 4 bytes per block (compressed oops) and
 * no lookup, a HashMap entry about 50 (entry, boxed id, table slot) and a hash lookup on every
 * reported replica. Guarded by the namesystem lock.
 */
public final class BlockInfo {
  private final long blockId;
  private long generationStamp;
  private long numBytes;
  private BlockState state;
  private InodeFile file;
  /** Generation stamp of the recovery in progress (UNDER_RECOVERY only). */
  private long recoveryId;
  /** True while recovery cuts the block to {@link #getNumBytes()} (truncate). */
  private boolean truncating;
  /**
   * How many snapshot file copies hold this block: while above 0 the block stays when its
   * live file lets it go (delete, truncate), and goes when the last copy holding it does (its
   * last snapshot is deleted). Derived from the snapshots (replay and image load count alike); it
   * fits in the object's alignment padding (64 bytes with or without it).
   */
  private int snapshotRefs;
  /** Volatile, not journaled: null while nothing is known; see {@link BlockLocations}. */
  BlockLocations locations;

  public BlockInfo(long blockId, long generationStamp, long numBytes, BlockState state) {
    this.blockId = blockId;
    this.generationStamp = generationStamp;
    this.numBytes = numBytes;
    this.state = state;
  }

  public long getBlockId() { return blockId; }
  public long getGenerationStamp() { return generationStamp; }
  public void setGenerationStamp(long gs) { this.generationStamp = gs; }
  public long getNumBytes() { return numBytes; }
  public void setNumBytes(long n) { this.numBytes = n; }
  public BlockState getState() { return state; }
  public void setState(BlockState s) { this.state = s; }
  public InodeFile getFile() { return file; }
  public void setFile(InodeFile file) { this.file = file; }
  public long getRecoveryId() { return recoveryId; }
  public void setRecoveryId(long id) { this.recoveryId = id; }
  public boolean isTruncating() { return truncating; }
  public void setTruncating(boolean t) { this.truncating = t; }

  public int getSnapshotRefs() { return snapshotRefs; }
  public void addSnapshotRef(int delta) { this.snapshotRefs += delta; }

  public boolean isComplete() { return state == BlockState.COMPLETE; }

  public Block toBlock() { return new Block(blockId, generationStamp, numBytes); }

  public short getExpectedReplication() {
    return file == null ? 0 : file.getReplication();
  }

  @Override public String toString() {
    return "blk_" + blockId + "_" + generationStamp + "(" + numBytes + "B," + state + ")";
  }
}
