package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.namenode.datanodes.DatanodeManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses DataNodes for new replicas: never two on one node, never an excluded node, the
 * writer's own DataNode first (matched by host name or IP), then live, non-stale nodes with the
 * most effective free space and the fewest active transfers; stale nodes only when nothing
 * better is left.
 */
public final class BlockPlacement {
  private final DatanodeManager datanodes;

  public BlockPlacement(DatanodeManager datanodes) {
    this.datanodes = datanodes;
  }

  /**
   * Up to {@code count} targets (fewer when fewer nodes qualify), each of them incremented in
   * its scheduled writes so that back-to-back allocations spread.
   *
   * @param excludedUuids nodes that must not be chosen (client exclusions and current holders)
   * @param clientHost the writer's host or IP, or null
   */
  public List<DatanodeDescriptor> chooseTargets(int count, String clientHost,
      Collection<String> excludedUuids, long blockSize) {
    List<DatanodeDescriptor> candidates = new ArrayList<>();
    for (DatanodeDescriptor d : datanodes.getLiveNodes()) {
      if (!excludedUuids.contains(d.getUuid())
          && d.getEffectiveRemaining(blockSize) >= blockSize) {
        candidates.add(d);
      }
    }
    if (candidates.isEmpty()) {
      // Nodes that have not reported usage yet (capacity 0) are better than nothing.
      for (DatanodeDescriptor d : datanodes.getLiveNodes()) {
        if (!excludedUuids.contains(d.getUuid())) {
          candidates.add(d);
        }
      }
    }
    candidates.sort(Comparator
        .comparing((DatanodeDescriptor d) -> datanodes.isStale(d))
        .thenComparing(d -> -d.getEffectiveRemaining(blockSize))
        .thenComparingInt(DatanodeDescriptor::getLoad));
    List<DatanodeDescriptor> chosen = new ArrayList<>(count);
    if (clientHost != null) {
      String clientIp = toIp(clientHost);
      for (DatanodeDescriptor d : candidates) {
        if (isHost(d, clientHost) || isHost(d, clientIp)) {
          chosen.add(d);
          break;
        }
      }
    }
    for (DatanodeDescriptor d : candidates) {
      if (chosen.size() >= count) {
        break;
      }
      if (!chosen.contains(d)) {
        chosen.add(d);
      }
    }
    for (DatanodeDescriptor d : chosen) {
      d.incrementScheduledWrites();
    }
    return chosen;
  }

  /** True when {@code d} runs on {@code host} (its host name or its IP address). */
  public static boolean isHost(DatanodeDescriptor d, String host) {
    return host != null && (d.getHost().equals(host) || d.getIpAddress().equals(host));
  }

  /** The IP address of {@code host}, or {@code host} itself when it does not resolve. */
  public static String toIp(String host) {
    if (host == null) {
      return null;
    }
    try {
      return java.net.InetAddress.getByName(host).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return host;
    }
  }
}
