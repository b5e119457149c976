package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Chooses DataNodes for new replicas with HDFS's default policy: the writer's own DataNode
 * first (matched by host name or IP), the second replica on another rack than the first, the
 * third on the second one's rack (another node), further ones anywhere. With one rack the
 * rack preferences fall back to any node. For re-replication the existing replicas take the
 * place of the first ones. Never two replicas on one node, never an excluded node, never a
 * decommissioning/decommissioned or dead node; stale nodes only when no fresh node qualifies.
 * Among equals the node with the most effective free space and then the fewest active
 * transfers wins.
 */
public final class BlockPlacement {
  private final DataNodeManager datanodes;

  public BlockPlacement(DataNodeManager datanodes) {
    this.datanodes = datanodes;
  }

  /** New-block placement (no existing replica). */
  public List<DataNodeDescriptor> chooseTargets(int count, String clientHost,
      Collection<String> excludedUuids, long blockSize) {
    return chooseTargets(count, clientHost, List.of(), excludedUuids, blockSize);
  }

  /**
   * Up to {@code count} targets (fewer when fewer nodes qualify), each of them incremented in
   * its scheduled writes so that back-to-back allocations spread.
   *
   * @param existing nodes already holding the block (rack context; never chosen)
   * @param excludedUuids nodes that must not be chosen (client exclusions and current holders)
   * @param clientHost the writer's IP (or host name when it did not resolve: see
   *     {@link io.quire.namenode.datanodes.ClientHostResolver}), or null; never looked up here,
   *     under the namesystem lock
   */
  public List<DataNodeDescriptor> chooseTargets(int count, String clientHost,
      List<DataNodeDescriptor> existing, Collection<String> excludedUuids, long blockSize) {
    List<DataNodeDescriptor> candidates = candidates(excludedUuids, existing, blockSize);
    List<DataNodeDescriptor> chosen = new ArrayList<>(Math.min(count, candidates.size()));
    List<DataNodeDescriptor> placed = new ArrayList<>(existing);
    if (clientHost != null && placed.isEmpty()) {
      for (DataNodeDescriptor d : candidates) {
        if (isHost(d, clientHost)) {
          take(d, candidates, chosen, placed);
          break;
        }
      }
    }
    while (chosen.size() < count && !candidates.isEmpty()) {
      DataNodeDescriptor next = pick(candidates, rackPreference(placed));
      take(next, candidates, chosen, placed);
    }
    for (DataNodeDescriptor d : chosen) {
      d.incrementScheduledWrites();
    }
    return chosen;
  }

  /** The rule for the next replica given those placed so far (HDFS default policy). */
  private static Predicate<DataNodeDescriptor> rackPreference(List<DataNodeDescriptor> placed) {
    if (placed.isEmpty()) {
      return d -> true;
    }
    String first = placed.get(0).getRack();
    if (placed.size() == 1) {
      return d -> !d.getRack().equals(first);
    }
    String second = placed.get(1).getRack();
    if (placed.size() == 2) {
      return first.equals(second) ? d -> !d.getRack().equals(first)
          : d -> d.getRack().equals(second);
    }
    return d -> true;
  }

  private static DataNodeDescriptor pick(List<DataNodeDescriptor> candidates,
      Predicate<DataNodeDescriptor> preferred) {
    for (DataNodeDescriptor d : candidates) {
      if (preferred.test(d)) {
        return d;
      }
    }
    return candidates.get(0);
  }

  private static void take(DataNodeDescriptor d, List<DataNodeDescriptor> candidates,
      List<DataNodeDescriptor> chosen, List<DataNodeDescriptor> placed) {
    candidates.remove(d);
    chosen.add(d);
    placed.add(d);
  }

  /** Eligible nodes, best first; fresh nodes only if any fresh node qualifies. */
  private List<DataNodeDescriptor> candidates(Collection<String> excludedUuids,
      List<DataNodeDescriptor> existing, long blockSize) {
    List<DataNodeDescriptor> eligible = new ArrayList<>();
    for (DataNodeDescriptor d : datanodes.getLiveNodes()) {
      if (datanodes.isInService(d) && !excludedUuids.contains(d.getUuid())
          && !existing.contains(d)) {
        eligible.add(d);
      }
    }
    List<DataNodeDescriptor> roomy = new ArrayList<>();
    for (DataNodeDescriptor d : eligible) {
      if (d.getEffectiveRemaining(blockSize) >= blockSize) {
        roomy.add(d);
      }
    }
    // Nodes that have not reported usage yet (capacity 0) are better than nothing.
    List<DataNodeDescriptor> out = roomy.isEmpty() ? eligible : roomy;
    if (out.stream().anyMatch(d -> !datanodes.isStale(d))) {
      out.removeIf(datanodes::isStale);
    }
    out.sort(Comparator
        .comparingLong((DataNodeDescriptor d) -> -d.getEffectiveRemaining(blockSize))
        .thenComparingInt(DataNodeDescriptor::getLoad));
    return out;
  }

  /** True when {@code d} runs on {@code host} (its host name or its IP address). */
  public static boolean isHost(DataNodeDescriptor d, String host) {
    return host != null && (d.getHost().equals(host) || d.getIpAddress().equals(host));
  }
}
