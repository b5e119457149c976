package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.protocol.types.Block;
import java.util.List;

/**
 * One block as the journal describes it: id, generation stamp, length, state, the file owning
 * it (a {@link BlockCollection}, as the namespace's files are: this package never names them),
 * and while a recovery runs its recovery id and whether it truncates. Only applying records
 * (and loading a checkpoint, which holds the same fields) changes them, so every NameNode that
 * applied the same records holds the same values, whatever DataNodes told it; the setters are
 * for the appliers.
 *
 * <p>Where the block's replicas are is not part of it: see {@link BlockLocations}, the only
 * reader and writer of the package-private fields that hold them, reachable only inside this
 * package. They live here rather than in a map from block to locations because the block is
 * the NameNode's most numerous object (HDFS's BlockInfo does the same):
 * <ul>
 * <li>{@link #mapNext}: the next block of the same {@link BlockMap} hash chain (the block is its
 *     own map entry: no boxed id, no map node);
 * <li>{@link #triplets}: null while no replica is known, else 3 slots per replica: the
 *     {@link Replica} (DataNode, state, corrupt flag, and the stamp and length only when they
 *     differ from the block's: usually a value shared by every block of that DataNode), then the
 *     previous and the next block of that DataNode's list ({@link DataNodeBlocks}), so a
 *     DataNode's blocks need no set of their own;
 * <li>{@link #extra}: null unless a recovery runs or a pipeline is known (a block being
 *     written): the rare fields, so they cost 4 bytes on every other block.
 * </ul>
 * Memory (compressed oops): this object is 56 bytes (header 12, three longs, four references,
 * one int packing the state and the snapshot count), a block with three replicas adds its
 * triplets array (16 + 9 x 4 = 52, 56 aligned) and its {@link BlockMap} table slot (4 to 8):
 * about 116 bytes, against about 425 when a HashMap entry with a boxed id, a locations object
 * with its array, three replica objects and three DataNode HashSet entries held the same
 * (docs/BENCHMARKS.md, memory section). Changing the stamp or the length
 * rewrites the replicas that shared the block's values (see {@link BlockLocations#rebase}), so
 * what a replica says of itself never changes with the block. Guarded by the namesystem lock.
 */
public final class BlockInfo {
  private static final BlockState[] STATES = BlockState.values();

  private final long blockId;
  private long generationStamp;
  private long numBytes;
  private BlockCollection file;
  /**
   * The snapshot count in the upper 30 bits, the state's ordinal in the lower 2: how many
   * snapshot file copies hold this block: while above 0 the block stays when its live file lets
   * it go (delete, truncate), and goes when the last copy holding it does (its last snapshot is
   * deleted). Derived from the snapshots (replay and image load count alike).
   */
  private int refsAndState;
  /** Rare fields: null while all are at their defaults. */
  private Extra extra;
  /** Next block of the same hash chain of the {@link BlockMap} holding it. */
  BlockInfo mapNext;
  /**
   * Volatile, not journaled: replicas and their DataNode list links; see
   * {@link BlockLocations}.
   */
  Object[] triplets;

  /** Fields few blocks need: recovery (journaled) and the writer's pipeline (volatile). */
  private static final class Extra {
    /** Generation stamp of the recovery in progress (UNDER_RECOVERY only). */
    long recoveryId;
    /** True while recovery cuts the block to {@link #getNumBytes()} (truncate). */
    boolean truncating;
    /** Volatile, not journaled: see {@link BlockLocations#pipeline}. */
    List<DataNodeDescriptor> pipeline = List.of();

    boolean isDefault() {
      return recoveryId == 0 && !truncating && pipeline.isEmpty();
    }
  }

  public BlockInfo(long blockId, long generationStamp, long numBytes, BlockState state) {
    this.blockId = blockId;
    this.generationStamp = generationStamp;
    this.numBytes = numBytes;
    this.refsAndState = state.ordinal();
  }

  public long getBlockId() { return blockId; }
  public long getGenerationStamp() { return generationStamp; }

  public void setGenerationStamp(long gs) {
    long old = generationStamp;
    generationStamp = gs;
    if (gs != old && triplets != null) {
      BlockLocations.rebase(this, old, numBytes);
    }
  }

  public long getNumBytes() { return numBytes; }

  public void setNumBytes(long n) {
    long old = numBytes;
    numBytes = n;
    if (n != old && triplets != null) {
      BlockLocations.rebase(this, generationStamp, old);
    }
  }

  public BlockState getState() { return STATES[refsAndState & 3]; }
  public void setState(BlockState s) { refsAndState = (refsAndState & ~3) | s.ordinal(); }
  /** The file owning the block, or null once it left the namespace (or before it joined). */
  public BlockCollection getBlockCollection() { return file; }
  public void setBlockCollection(BlockCollection file) { this.file = file; }

  /** True when no file owns the block (removed from the namespace, or not added yet). */
  public boolean isDeleted() { return file == null; }
  public long getRecoveryId() { return extra == null ? 0 : extra.recoveryId; }

  public void setRecoveryId(long id) {
    if (id != getRecoveryId()) {
      extra().recoveryId = id;
      releaseExtra();
    }
  }

  public boolean isTruncating() { return extra != null && extra.truncating; }

  public void setTruncating(boolean t) {
    if (t != isTruncating()) {
      extra().truncating = t;
      releaseExtra();
    }
  }

  public int getSnapshotRefs() { return refsAndState >> 2; }

  public void addSnapshotRef(int delta) {
    int refs = getSnapshotRefs() + delta;
    if (refs > (Integer.MAX_VALUE >> 2) || refs < (Integer.MIN_VALUE >> 2)) {
      throw new IllegalStateException(this + ": snapshot count " + getSnapshotRefs() + " + "
          + delta + " is out of range");
    }
    refsAndState = (refs << 2) | (refsAndState & 3);
  }

  public boolean isComplete() { return getState() == BlockState.COMPLETE; }

  public Block toBlock() { return new Block(blockId, generationStamp, numBytes); }

  public short getExpectedReplication() {
    return file == null ? 0 : file.getReplication();
  }

  /** The pipeline a writer was given (empty when none); see {@link BlockLocations#pipeline}. */
  List<DataNodeDescriptor> pipeline() {
    return extra == null ? List.of() : extra.pipeline;
  }

  void setPipeline(List<DataNodeDescriptor> nodes) {
    if (nodes.isEmpty() && extra == null) {
      return;
    }
    extra().pipeline = List.copyOf(nodes);
    releaseExtra();
  }

  private Extra extra() {
    if (extra == null) {
      extra = new Extra();
    }
    return extra;
  }

  private void releaseExtra() {
    if (extra != null && extra.isDefault()) {
      extra = null;
    }
  }

  @Override public String toString() {
    return "blk_" + blockId + "_" + generationStamp + "(" + numBytes + "B," + getState() + ")";
  }
}
