package io.quire.admin;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The health of one block as fsck sees it, derived from the block's locations: replicas on
 * LIVE or STALE nodes are live; on DECOMMISSIONING/DECOMMISSIONED nodes they count apart (still
 * readable, but leaving); on DEAD nodes they do not count. A block whose listed replicas are all
 * corrupt is CORRUPT; one with no readable replica is MISSING; fewer live replicas than the
 * file's replication is UNDER_REPLICATED.
 */
public record BlockCheck(Block block, int expected, int live, int corrupt, int decommissioning,
    Status status, List<DatanodeInfo> locations) {

  /** Worst first. */
  public enum Status { MISSING, CORRUPT, UNDER_REPLICATED, HEALTHY }

  public static BlockCheck of(LocatedBlock lb, int expected) {
    int live = 0;
    int decom = 0;
    List<DatanodeInfo> shown = new ArrayList<>();
    for (DatanodeInfo d : lb.getLocations()) {
      switch (d.getState()) {
        case LIVE, STALE -> {
          live++;
          shown.add(d);
        }
        case DECOMMISSIONING, DECOMMISSIONED -> {
          decom++;
          shown.add(d);
        }
        default -> { }
      }
    }
    Status status;
    int corrupt = 0;
    if (lb.isCorrupt()) {
      corrupt = lb.getLocations().size();
      status = Status.CORRUPT;
      live = 0;
      decom = 0;
    } else if (live + decom == 0) {
      status = Status.MISSING;
    } else if (live < expected) {
      status = Status.UNDER_REPLICATED;
    } else {
      status = Status.HEALTHY;
    }
    return new BlockCheck(lb.getBlock(), expected, live, corrupt, decom, status,
        List.copyOf(lb.isCorrupt() ? lb.getLocations() : shown));
  }

  /** One line: {@code blk_1_1001 len=N live=3/3 decommissioning=0 [h:p, ...] STATUS}. */
  public String describe() {
    StringBuilder sb = new StringBuilder()
        .append(block.getName()).append(" len=").append(block.getNumBytes())
        .append(" live=").append(live).append('/').append(expected);
    if (decommissioning > 0) {
      sb.append(" decommissioning=").append(decommissioning);
    }
    if (corrupt > 0) {
      sb.append(" corrupt=").append(corrupt);
    }
    sb.append(" [");
    for (int i = 0; i < locations.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(locations.get(i).getDataAddress());
    }
    return sb.append("] ").append(status).toString();
  }
}
