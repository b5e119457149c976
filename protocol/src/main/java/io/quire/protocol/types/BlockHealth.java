package io.quire.protocol.types;

import java.util.List;
import java.util.Objects;

/**
 * Health of one block of a file as the NameNode sees it, for fsck.
 *
 * <p>Replicas fall in exactly one of three lists: {@link #getLiveReplicas() live} (a good
 * replica on a live or stale, in-service DataNode: counts toward the replication),
 * {@link #getDecommissioningReplicas() decommissioning} (a good replica on a DataNode being
 * or already decommissioned: still readable, does not count) and
 * {@link #getCorruptReplicas() corrupt} (reported bad; hidden from readers, deleted once the
 * block has enough good replicas). Replicas on dead DataNodes are not listed.
 */
public final class BlockHealth {
  /**
   * Overall state of a block, worst first in {@link #severity()} order:
   * <ul>
   *   <li>{@link #MISSING}: no replica at all (neither good nor corrupt);</li>
   *   <li>{@link #CORRUPT}: every known replica is corrupt;</li>
   *   <li>{@link #UNDER_REPLICATED}: fewer live good replicas than the expected replication
   *       (replicas on decommissioning nodes do not count);</li>
   *   <li>{@link #HEALTHY}: at least the expected number of live good replicas.</li>
   * </ul>
   */
  public enum Status {
    HEALTHY, UNDER_REPLICATED, CORRUPT, MISSING;

    /** 0 for HEALTHY up to 3 for MISSING. */
    public int severity() { return ordinal(); }
  }

  private final Block block;
  private final long offset;
  private final int expectedReplication;
  private final List<DataNodeInfo> liveReplicas;
  private final List<DataNodeInfo> corruptReplicas;
  private final List<DataNodeInfo> decommissioningReplicas;
  private final Status status;

  public BlockHealth(Block block, long offset, int expectedReplication,
      List<DataNodeInfo> liveReplicas, List<DataNodeInfo> corruptReplicas,
      List<DataNodeInfo> decommissioningReplicas, Status status) {
    this.block = Objects.requireNonNull(block, "block");
    this.offset = offset;
    this.expectedReplication = expectedReplication;
    this.liveReplicas = List.copyOf(liveReplicas);
    this.corruptReplicas = List.copyOf(corruptReplicas);
    this.decommissioningReplicas = List.copyOf(decommissioningReplicas);
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The block with its NameNode-recorded generation stamp and length. */
  public Block getBlock() { return block; }

  /** Offset of the block's first byte in the file. */
  public long getOffset() { return offset; }

  /** The file's replication factor. */
  public int getExpectedReplication() { return expectedReplication; }

  /** Good replicas on in-service DataNodes (live or stale). */
  public List<DataNodeInfo> getLiveReplicas() { return liveReplicas; }

  /** Replicas reported corrupt, on any non-dead DataNode. */
  public List<DataNodeInfo> getCorruptReplicas() { return corruptReplicas; }

  /** Good replicas on DECOMMISSIONING or DECOMMISSIONED DataNodes. */
  public List<DataNodeInfo> getDecommissioningReplicas() { return decommissioningReplicas; }

  public Status getStatus() { return status; }

  @Override public String toString() {
    return block + "@" + offset + " " + status + " live=" + liveReplicas.size() + "/"
        + expectedReplication + " corrupt=" + corruptReplicas.size()
        + " decommissioning=" + decommissioningReplicas.size();
  }
}
