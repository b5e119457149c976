package io.quire.namenode.blocks;

import io.quire.namenode.conf.ReplicationOptions;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of replication work, from the incrementally kept {@link ReplicationBookkeeping}
 * (never a namespace scan). Nothing is handed out in safe mode (nor by a NameNode that sends
 * no commands, see {@link BlockManager#setSendCommands}). A pass
 * <ol>
 *   <li>queues again the blocks whose transfer timed out (retry);</li>
 *   <li>deletes corrupt replicas of blocks that have a live good one, and trims
 *       over-replicated blocks ({@link ExcessReplicaChooser}); a deleted replica's node is no
 *       target for that block until it confirms the deletion, after which it may receive a
 *       good copy (so a 3-node cluster with replication 3 repairs a corrupt replica in place,
 *       unlike HDFS-17798);</li>
 *   <li>schedules TRANSFER commands for the under-replicated blocks in priority order, at most
 *       {@code workMultiplier x live nodes} blocks, each from a source with fewer than
 *       {@code maxStreams} transfers in flight (the hard limit for blocks with one replica),
 *       decommissioning sources preferred as HDFS does.</li>
 * </ol>
 * Commands are delivered on the DataNodes' next heartbeats. Runs under the namesystem write
 * lock.
 */
public final class ReplicationMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicationMonitor.class);

  private final BlockManager blocks;
  private final ReplicationOptions options;
  private final LongSupplier clock;
  private final AtomicLong scheduledWork = new AtomicLong();

  public ReplicationMonitor(BlockManager blocks, ReplicationOptions options, LongSupplier clock) {
    this.blocks = blocks;
    this.options = options;
    this.clock = clock;
  }

  public ReplicationOptions getOptions() { return options; }

  /**
   * Commands (TRANSFER or DELETE, one per block) this monitor has handed out since the
   * NameNode started; stays 0 while in safe mode.
   */
  public long getScheduledWorkCount() { return scheduledWork.get(); }

  /** One pass; returns the number of blocks that got work. */
  public int computeWork() {
    if (blocks.isInSafeMode() || !blocks.isSendingCommands()) {
      return 0;
    }
    ReplicationBookkeeping book = blocks.getReplication();
    for (BlockInfo b : book.pending().expire(clock.getAsLong())) {
      LOG.info("Transfer of {} timed out; queued again", b);
      book.check(b);
    }
    // Excess and corrupt replicas wait while a new active lacks full reports (see
    // BlockManager#awaitFullReports); under-replicated blocks get their copies meanwhile.
    int work = blocks.mayDeleteFromReports() ? trim(book) : 0;
    return work + replicate(book);
  }

  private int trim(ReplicationBookkeeping book) {
    int work = 0;
    DataNodeManager dns = blocks.getDataNodes();
    for (BlockInfo b : book.drainToTrim()) {
      if (b.isDeleted() || !blocks.isCompleteOrMinReplicated(b)) {
        continue;
      }
      List<Replica> live = new ArrayList<>();
      List<Replica> corrupt = new ArrayList<>();
      for (Replica r : BlockLocations.of(b)) {
        if (!dns.isLive(r.getNode())) {
          continue;
        }
        if (r.isCorrupt()) {
          corrupt.add(r);
        } else if (r.isGoodFor(b) && !r.getNode().isDecommissioningOrDecommissioned()) {
          live.add(r);
        }
      }
      List<Replica> victims = new ArrayList<>();
      if (!live.isEmpty()) {
        victims.addAll(corrupt);
      }
      victims.addAll(ExcessReplicaChooser.choose(live, b.getExpectedReplication()));
      for (Replica r : victims) {
        delete(b, r);
      }
      if (!victims.isEmpty()) {
        work++;
      }
      book.check(b);
    }
    return work;
  }

  private void delete(BlockInfo b, Replica r) {
    DataNodeDescriptor node = r.getNode();
    LOG.info("Deleting {} replica of {} on {}", r.isCorrupt() ? "corrupt" : "excess", b, node);
    node.enqueue(DataNodeCommand.delete(List.of(r.toBlock(b))));
    blocks.removeReplica(b, r.list());
    r.list().pendingDeletes().add(b.getBlockId());
    scheduledWork.incrementAndGet();
  }

  private int replicate(ReplicationBookkeeping book) {
    DataNodeManager dns = blocks.getDataNodes();
    int budget = Math.max(1, dns.getLiveCount() * options.workMultiplier());
    int work = 0;
    ReplicationQueues queues = book.queues();
    for (BlockInfo b : queues.inPriorityOrder(budget * 8)) {
      if (work >= budget) {
        break;
      }
      int level = queues.levelOf(b);
      if (level < 0 || level == ReplicationQueues.NO_GOOD_REPLICA
          || book.pending().targetCount(b) > 0) {
        continue;
      }
      if (schedule(book, b, level == ReplicationQueues.HIGHEST)) {
        work++;
      } else {
        queues.moveToBack(b);
      }
    }
    return work;
  }

  private boolean schedule(ReplicationBookkeeping book, BlockInfo b, boolean urgent) {
    DataNodeManager dns = blocks.getDataNodes();
    int limit = urgent ? options.maxStreamsHardLimit() : options.maxStreams();
    List<DataNodeDescriptor> liveHolders = new ArrayList<>();
    DataNodeDescriptor source = null;
    Set<String> excluded = new HashSet<>();
    for (Replica r : BlockLocations.of(b)) {
      DataNodeDescriptor n = r.getNode();
      excluded.add(n.getUuid());
      if (!dns.isLive(n) || !r.isGoodFor(b)) {
        continue;
      }
      if (!n.isDecommissioningOrDecommissioned()) {
        liveHolders.add(n);
      }
      if (book.pending().streamsFrom(n) < limit && (source == null || better(n, source, book))) {
        source = n;
      }
    }
    if (source == null) {
      return false;
    }
    int needed = b.getExpectedReplication() - liveHolders.size();
    if (needed <= 0) {
      return false;
    }
    for (DataNodeDescriptor n : dns.getLiveNodes()) {
      if (blocks.blocksOf(n).pendingDeletes().contains(b.getBlockId())) {
        excluded.add(n.getUuid());
      }
    }
    List<DataNodeDescriptor> targets = blocks.getPlacement().chooseTargets(needed, null,
        liveHolders, excluded, b.getNumBytes());
    if (targets.isEmpty()) {
      return false;
    }
    List<DataNodeInfo> infos = new ArrayList<>(targets.size());
    for (DataNodeDescriptor t : targets) {
      infos.add(t.toInfo(DataNodeInfo.State.LIVE));
    }
    LOG.info("Replicating {} from {} to {}", b, source, targets);
    source.enqueue(new DataNodeCommand(DataNodeCommand.Type.TRANSFER, List.of(b.toBlock()),
        List.of(infos), 0));
    book.pending().add(b, source, targets, clock.getAsLong() + options.pendingTimeoutMs());
    scheduledWork.incrementAndGet();
    book.check(b);
    return true;
  }

  /** Decommissioning sources first (no write load), then the one with fewer transfers. */
  private static boolean better(DataNodeDescriptor a, DataNodeDescriptor b,
      ReplicationBookkeeping book) {
    Comparator<DataNodeDescriptor> order = Comparator
        .comparing((DataNodeDescriptor d) -> !d.isDecommissioningOrDecommissioned())
        .thenComparingInt(d -> book.pending().streamsFrom(d))
        .thenComparingInt(DataNodeDescriptor::getLoad);
    return order.compare(a, b) < 0;
  }
}
