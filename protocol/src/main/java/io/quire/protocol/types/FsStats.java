package io.quire.protocol.types;

/** Cluster-wide usage, as {@code hadoop fs -df} shows it, plus block health counters. */
public final class FsStats {
  private final long capacity;
  private final long used;
  private final long remaining;
  private final long underReplicatedBlocks;
  private final long corruptBlocks;
  private final long missingBlocks;

  public FsStats(long capacity, long used, long remaining, long underReplicatedBlocks,
      long corruptBlocks, long missingBlocks) {
    this.capacity = capacity;
    this.used = used;
    this.remaining = remaining;
    this.underReplicatedBlocks = underReplicatedBlocks;
    this.corruptBlocks = corruptBlocks;
    this.missingBlocks = missingBlocks;
  }

  public long getCapacity() { return capacity; }
  public long getUsed() { return used; }
  public long getRemaining() { return remaining; }
  public long getUnderReplicatedBlocks() { return underReplicatedBlocks; }
  public long getCorruptBlocks() { return corruptBlocks; }
  public long getMissingBlocks() { return missingBlocks; }
}
