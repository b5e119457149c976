package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.namenode.datanodes.DatanodeManager;
import io.quire.protocol.types.DatanodeCommand;
import io.quire.protocol.types.DatanodeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One pass of replication work over the complete blocks (basic version: a full scan). A block
 * with fewer good replicas than its file wants gets a TRANSFER command to a live holder with
 * targets that hold no copy; extra good replicas get DELETE (never below the wanted count);
 * corrupt replicas get DELETE once a good copy exists. A scheduled transfer is not repeated
 * until {@code pendingTimeoutMs} passed. Runs under the namesystem write lock.
 */
public final class ReplicationScanner {
  private final BlockManager blocks;
  private final LongSupplier clock;
  private final long pendingTimeoutMs;
  private final Map<Long, Long> pendingUntil = new HashMap<>();

  public ReplicationScanner(BlockManager blocks, LongSupplier clock, long pendingTimeoutMs) {
    this.blocks = blocks;
    this.clock = clock;
    this.pendingTimeoutMs = pendingTimeoutMs;
  }

  /** Queues commands on the DataNodes; returns how many blocks got work. */
  public int scan() {
    DatanodeManager dns = blocks.getDatanodes();
    int live = dns.getLiveCount();
    long now = clock.getAsLong();
    pendingUntil.values().removeIf(t -> t < now);
    int work = 0;
    for (BlockInfo b : blocks.getBlockMap().all()) {
      if (b.getState() != BlockState.COMPLETE || b.getFile() == null) {
        continue;
      }
      List<Replica> good = new ArrayList<>(3);
      List<Replica> corrupt = new ArrayList<>(0);
      for (Replica r : b.getReplicas()) {
        if (r.isGoodFor(b) && dns.isLive(r.getNode())) {
          good.add(r);
        } else if (r.isCorrupt()) {
          corrupt.add(r);
        }
      }
      if (!good.isEmpty()) {
        for (Replica r : corrupt) {
          r.getNode().enqueue(DatanodeCommand.delete(List.of(r.toBlock(b))));
          r.getNode().getBlocks().remove(b);
          b.getReplicas().remove(r);
          work++;
        }
      }
      int wanted = Math.min(b.getExpectedReplication(), Math.max(live, 1));
      if (good.size() < wanted && !good.isEmpty() && !pendingUntil.containsKey(b.getBlockId())) {
        work += scheduleTransfer(b, good, wanted - good.size(), now);
      } else if (good.size() > b.getExpectedReplication()) {
        good.sort(Comparator.comparingLong(r -> r.getNode().getReport().getRemaining()));
        for (int i = 0; i < good.size() - b.getExpectedReplication(); i++) {
          Replica r = good.get(i);
          r.getNode().enqueue(DatanodeCommand.delete(List.of(r.toBlock(b))));
          r.getNode().getBlocks().remove(b);
          b.getReplicas().remove(r);
        }
        work++;
      }
    }
    return work;
  }

  private int scheduleTransfer(BlockInfo b, List<Replica> good, int missing, long now) {
    List<String> holders = new ArrayList<>();
    for (Replica r : b.getReplicas()) {
      holders.add(r.getNode().getUuid());
    }
    List<DatanodeDescriptor> targets = blocks.getPlacement().chooseTargets(missing, null,
        holders, b.getNumBytes());
    if (targets.isEmpty()) {
      return 0;
    }
    Replica source = good.stream()
        .min(Comparator.comparingInt(r -> r.getNode().getLoad())).orElseThrow();
    List<DatanodeInfo> infos = new ArrayList<>(targets.size());
    for (DatanodeDescriptor t : targets) {
      infos.add(t.toInfo(DatanodeInfo.State.LIVE));
    }
    source.getNode().enqueue(new DatanodeCommand(DatanodeCommand.Type.TRANSFER,
        List.of(b.toBlock()), List.of(infos), 0));
    pendingUntil.put(b.getBlockId(), now + pendingTimeoutMs);
    return 1;
  }

  /** Blocks of closed files with fewer good live replicas than wanted (for getStats). */
  public long countUnderReplicated() {
    DatanodeManager dns = blocks.getDatanodes();
    long n = 0;
    for (BlockInfo b : blocks.getBlockMap().all()) {
      if (b.getState() == BlockState.COMPLETE && b.getFile() != null) {
        int good = 0;
        for (Replica r : b.getReplicas()) {
          if (r.isGoodFor(b) && dns.isLive(r.getNode())) {
            good++;
          }
        }
        if (good < b.getExpectedReplication()) {
          n++;
        }
      }
    }
    return n;
  }
}
