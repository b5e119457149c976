package io.quire.admin;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The health of one block as fsck prints it: the NameNode's {@link BlockHealth} (getBlockHealth)
 * or, against a NameNode without that call, the same classification derived from the block's
 * locations: replicas on LIVE or STALE nodes are live, on DECOMMISSIONING/DECOMMISSIONED nodes
 * decommissioning (readable, not counted), on DEAD nodes nothing; a block whose listed replicas
 * are all corrupt is CORRUPT, one with no readable replica MISSING, fewer live replicas than
 * the file's replication UNDER_REPLICATED.
 */
public record BlockCheck(Block block, int expected, List<DataNodeInfo> liveNodes,
    List<DataNodeInfo> decommissioningNodes, List<DataNodeInfo> corruptNodes,
    BlockHealth.Status status) {

  public static BlockCheck of(BlockHealth h) {
    return new BlockCheck(h.getBlock(), h.getExpectedReplication(), h.getLiveReplicas(),
        h.getDecommissioningReplicas(), h.getCorruptReplicas(), h.getStatus());
  }

  /** Derived from locations (NameNodes without getBlockHealth). */
  public static BlockCheck of(LocatedBlock lb, int expected) {
    if (lb.isCorrupt()) {
      return new BlockCheck(lb.getBlock(), expected, List.of(), List.of(),
          List.copyOf(lb.getLocations()), BlockHealth.Status.CORRUPT);
    }
    List<DataNodeInfo> live = new ArrayList<>();
    List<DataNodeInfo> decom = new ArrayList<>();
    for (DataNodeInfo d : lb.getLocations()) {
      switch (d.getState()) {
        case LIVE, STALE -> live.add(d);
        case DECOMMISSIONING, DECOMMISSIONED -> decom.add(d);
        default -> { }
      }
    }
    BlockHealth.Status status = live.isEmpty() && decom.isEmpty() ? BlockHealth.Status.MISSING
        : live.size() < expected ? BlockHealth.Status.UNDER_REPLICATED
        : BlockHealth.Status.HEALTHY;
    return new BlockCheck(lb.getBlock(), expected, List.copyOf(live), List.copyOf(decom),
        List.of(), status);
  }

  public int live() { return liveNodes.size(); }

  public int decommissioning() { return decommissioningNodes.size(); }

  public int corrupt() { return corruptNodes.size(); }

  /** Readable replicas: live first, then decommissioning. */
  public List<DataNodeInfo> locations() {
    List<DataNodeInfo> all = new ArrayList<>(liveNodes);
    all.addAll(decommissioningNodes);
    return all;
  }

  /**
   * One line: {@code blk_1_1001 len=N live=3/3 [h:p, ...] STATUS}, with
   * {@code decommissioning=[...]} and {@code corrupt=[...]} when there are such replicas.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder()
        .append(block.getName()).append(" len=").append(block.getNumBytes())
        .append(" live=").append(live()).append('/').append(expected)
        .append(' ').append(addresses(liveNodes));
    if (!decommissioningNodes.isEmpty()) {
      sb.append(" decommissioning=").append(addresses(decommissioningNodes));
    }
    if (!corruptNodes.isEmpty()) {
      sb.append(" corrupt=").append(addresses(corruptNodes));
    }
    return sb.append(' ').append(status).toString();
  }

  private static String addresses(List<DataNodeInfo> nodes) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < nodes.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(nodes.get(i).getDataAddress());
    }
    return sb.append(']').toString();
  }
}
