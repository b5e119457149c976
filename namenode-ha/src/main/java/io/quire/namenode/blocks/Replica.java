package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.protocol.types.ReplicaState;

/**
 * One replica of a block as DataNodes reported it: where, in which state, with which
 * generation stamp and length, and whether a client or scanner reported it corrupt. Volatile
 * (not journaled): rebuilt from block reports; held in the block's triplets (see
 * {@link BlockLocations}). Immutable: a change stores another value.
 *
 * <p>Memory: nearly every replica has its block's stamp and length, so such a replica stores
 * neither and is a value shared by every block of its DataNode with the same state and corrupt
 * flag ({@link DataNodeBlocks#shared}): it costs its block the 4-byte reference to it. Only a
 * replica whose stamp or length differs from its block's (a replica being written, a stale
 * one, one of a block under recovery) is an object of its own (40 bytes). The stamp and length
 * are therefore read with the block: {@link #getGenerationStamp(BlockInfo)}.
 */
final class Replica {
  /** Its DataNode's block-side record (the DataNode is {@link #getNode}). */
  private final DataNodeBlocks list;
  private final ReplicaState state;
  private final boolean corrupt;
  /** False: the stamp and length are the block's; true: the fields below. */
  private final boolean own;
  private final long generationStamp;
  private final long numBytes;

  private Replica(DataNodeBlocks list, ReplicaState state, boolean corrupt, boolean own,
      long generationStamp, long numBytes) {
    this.list = list;
    this.state = state;
    this.corrupt = corrupt;
    this.own = own;
    this.generationStamp = generationStamp;
    this.numBytes = numBytes;
  }

  /** A replica sharing its block's stamp and length (see {@link DataNodeBlocks#shared}). */
  static Replica shared(DataNodeBlocks list, ReplicaState state, boolean corrupt) {
    return new Replica(list, state, corrupt, false, 0, 0);
  }

  /** The replica of {@code b} on {@code list}'s DataNode with these values. */
  static Replica of(BlockInfo b, DataNodeBlocks list, ReplicaState state, boolean corrupt,
      long generationStamp, long numBytes) {
    if (generationStamp == b.getGenerationStamp() && numBytes == b.getNumBytes()) {
      return list.shared(state, corrupt);
    }
    return new Replica(list, state, corrupt, true, generationStamp, numBytes);
  }

  public DataNodeDescriptor getNode() { return list.getNode(); }

  /** Its DataNode's block list (and shared values, pending deletions). */
  DataNodeBlocks list() { return list; }
  public ReplicaState getState() { return state; }
  public boolean isCorrupt() { return corrupt; }

  /** The replica's generation stamp ({@code b} is its block). */
  public long getGenerationStamp(BlockInfo b) {
    return own ? generationStamp : b.getGenerationStamp();
  }

  /** The replica's length ({@code b} is its block). */
  public long getNumBytes(BlockInfo b) {
    return own ? numBytes : b.getNumBytes();
  }

  /**
   * The same replica (same stamp and length) after {@code b}'s stamp or length changed from
   * {@code oldStamp} and {@code oldLength}: shared when it now matches the block, else its own.
   */
  Replica rebase(BlockInfo b, long oldStamp, long oldLength) {
    return own ? of(b, list, state, corrupt, generationStamp, numBytes)
        : of(b, list, state, corrupt, oldStamp, oldLength);
  }

  /** The replica as its DataNode names it (its own stamp and length). */
  public io.quire.protocol.types.Block toBlock(BlockInfo b) {
    return new io.quire.protocol.types.Block(b.getBlockId(), getGenerationStamp(b),
        getNumBytes(b));
  }

  /** A finalized, uncorrupted replica matching the block's stamp and (final) length. */
  public boolean isGoodFor(BlockInfo b) {
    return !corrupt && state == ReplicaState.FINALIZED
        && getGenerationStamp(b) == b.getGenerationStamp()
        && (b.getState() == BlockState.UNDER_CONSTRUCTION || getNumBytes(b) == b.getNumBytes());
  }

  /** "node:state:stamp[:corrupt]", the stamp being the replica's ({@code b} is its block). */
  String describe(BlockInfo b) {
    return getNode().getUuid() + ":" + state + ":" + getGenerationStamp(b)
        + (corrupt ? ":corrupt" : "");
  }

  @Override public String toString() {
    return getNode().getUuid() + ":" + state + (own ? ":" + generationStamp + ":" + numBytes : "")
        + (corrupt ? ":corrupt" : "");
  }
}
