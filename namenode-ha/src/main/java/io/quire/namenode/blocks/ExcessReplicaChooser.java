package io.quire.namenode.blocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks which live replicas of an over-replicated block to delete, as HDFS's default policy:
 * first from a rack holding more than one replica (so the rack spread survives), and there,
 * as everywhere, the node with the least free space. Never returns more than
 * {@code live - expected} replicas, so the block keeps its replication (and at least one
 * good copy).
 */
final class ExcessReplicaChooser {
  private ExcessReplicaChooser() {}

  static List<Replica> choose(List<Replica> live, int expected) {
    List<Replica> remaining = new ArrayList<>(live);
    List<Replica> out = new ArrayList<>();
    Comparator<Replica> leastFree =
        Comparator.comparingLong(r -> r.getNode().getReport().getRemaining());
    while (remaining.size() > Math.max(expected, 1)) {
      Map<String, Integer> perRack = new HashMap<>();
      for (Replica r : remaining) {
        perRack.merge(r.getNode().getRack(), 1, Integer::sum);
      }
      List<Replica> pool = new ArrayList<>();
      for (Replica r : remaining) {
        if (perRack.get(r.getNode().getRack()) > 1) {
          pool.add(r);
        }
      }
      if (pool.isEmpty()) {
        pool = remaining;
      }
      Replica victim = pool.stream().min(leastFree).orElseThrow();
      remaining.remove(victim);
      out.add(victim);
    }
    return out;
  }
}
