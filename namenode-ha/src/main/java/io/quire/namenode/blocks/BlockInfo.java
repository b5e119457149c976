package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.namenode.namespace.InodeFile;
import io.quire.protocol.types.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The NameNode's view of one block: id, generation stamp, length and state (journaled, via the
 * file's records), the file owning it, and the replicas DataNodes reported (volatile). Guarded
 * by the namesystem lock.
 */
public final class BlockInfo {
  private final long blockId;
  private long generationStamp;
  private long numBytes;
  private BlockState state;
  private InodeFile file;
  private final List<Replica> replicas = new ArrayList<>(3);
  /** Pipeline the writer was given (UNDER_CONSTRUCTION only; volatile). */
  private List<DatanodeDescriptor> expectedTargets = List.of();
  /** Generation stamp of the recovery in progress (UNDER_RECOVERY only). */
  private long recoveryId;
  /** True while recovery cuts the block to {@link #getNumBytes()} (truncate). */
  private boolean truncating;

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
  public List<Replica> getReplicas() { return replicas; }
  public List<DatanodeDescriptor> getExpectedTargets() { return expectedTargets; }
  public void setExpectedTargets(List<DatanodeDescriptor> t) { this.expectedTargets = List.copyOf(t); }
  public long getRecoveryId() { return recoveryId; }
  public void setRecoveryId(long id) { this.recoveryId = id; }
  public boolean isTruncating() { return truncating; }
  public void setTruncating(boolean t) { this.truncating = t; }

  public boolean isComplete() { return state == BlockState.COMPLETE; }

  public Block toBlock() { return new Block(blockId, generationStamp, numBytes); }

  public Replica findReplica(DatanodeDescriptor node) {
    for (int i = 0; i < replicas.size(); i++) {
      if (replicas.get(i).getNode() == node) {
        return replicas.get(i);
      }
    }
    return null;
  }

  /** Replicas good for reading: finalized, matching stamp, not corrupt. */
  public int countGoodReplicas() {
    int n = 0;
    for (int i = 0; i < replicas.size(); i++) {
      if (replicas.get(i).isGoodFor(this)) {
        n++;
      }
    }
    return n;
  }

  public short getExpectedReplication() {
    return file == null ? 0 : file.getReplication();
  }

  @Override public String toString() {
    return "blk_" + blockId + "_" + generationStamp + "(" + numBytes + "B," + state + ")";
  }
}
