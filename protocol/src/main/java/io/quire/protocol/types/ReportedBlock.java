package io.quire.protocol.types;

/** A replica in a block report: the block (with its on-disk length) and its state. */
public final class ReportedBlock {
  private final Block block;
  private final ReplicaState state;

  public ReportedBlock(Block block, ReplicaState state) {
    this.block = block;
    this.state = state;
  }

  public Block getBlock() { return block; }
  public ReplicaState getState() { return state; }

  @Override public String toString() { return block + ":" + state; }
}
