package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.protocol.types.ReplicaState;

/**
 * One replica of a block as DataNodes reported it: where, in which state, with which
 * generation stamp and length, and whether a client or scanner reported it corrupt. Volatile
 * (not journaled): rebuilt from block reports; held by {@link BlockLocations}.
 */
final class Replica {
  private final DatanodeDescriptor node;
  private ReplicaState state;
  private long generationStamp;
  private long numBytes;
  private boolean corrupt;

  Replica(DatanodeDescriptor node, ReplicaState state, long generationStamp, long numBytes) {
    this.node = node;
    this.state = state;
    this.generationStamp = generationStamp;
    this.numBytes = numBytes;
  }

  public DatanodeDescriptor getNode() { return node; }
  public ReplicaState getState() { return state; }
  public long getGenerationStamp() { return generationStamp; }
  public long getNumBytes() { return numBytes; }
  public boolean isCorrupt() { return corrupt; }

  void update(ReplicaState state, long generationStamp, long numBytes) {
    this.state = state;
    this.generationStamp = generationStamp;
    this.numBytes = numBytes;
  }

  void markCorrupt() { this.corrupt = true; }

  /** The replica as its DataNode names it (its own stamp and length). */
  public io.quire.protocol.types.Block toBlock(BlockInfo b) {
    return new io.quire.protocol.types.Block(b.getBlockId(), generationStamp, numBytes);
  }

  /** A finalized, uncorrupted replica matching the block's stamp and (final) length. */
  public boolean isGoodFor(BlockInfo b) {
    return !corrupt && state == ReplicaState.FINALIZED
        && generationStamp == b.getGenerationStamp()
        && (b.getState() == BlockState.UNDER_CONSTRUCTION || numBytes == b.getNumBytes());
  }

  @Override public String toString() {
    return node.getUuid() + ":" + state + ":" + generationStamp + (corrupt ? ":corrupt" : "");
  }
}
