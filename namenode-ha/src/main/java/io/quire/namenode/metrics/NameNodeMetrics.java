package io.quire.namenode.metrics;

import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.types.ClusterHealth;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.hadoop.metrics2.MetricsCollector;
import org.apache.hadoop.metrics2.MetricsRecordBuilder;
import org.apache.hadoop.metrics2.MetricsSource;
import org.apache.hadoop.metrics2.MetricsSystem;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.metrics2.lib.Interns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNode's metrics2 source, one per NameNode instance, registered with
 * {@link DefaultMetricsSystem} under a unique name ("QuireNameNode-&lt;n&gt;", so several
 * NameNodes in one JVM coexist). Record "NameNode", context "quire": gauges CapacityTotal,
 * CapacityUsed, CapacityRemaining, FilesTotal (inodes), BlocksTotal, UnderReplicatedBlocks,
 * CorruptBlocks, MissingBlocks, PendingReplicationBlocks, NumLiveDataNodes,
 * NumStaleDataNodes, NumDeadDataNodes, NumDecommissioningDataNodes,
 * NumDecommissionedDataNodes, InSafeMode (0/1), PendingDataNodeMessageCount (DataNode messages a
 * standby holds for journal records it has not applied yet, as HDFS); counters
 * ScheduledReplicationWork, DroppedDataNodeMessages (queued messages dropped because the queue
 * was full); rate JournalSync (NumOps, AvgTime in ns).
 */
public final class NameNodeMetrics implements MetricsSource {
  private static final Logger LOG = LoggerFactory.getLogger(NameNodeMetrics.class);
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final Namesystem ns;
  private final String name;
  private final LongSupplier lastSeenTxId;

  public NameNodeMetrics(Namesystem ns) {
    this(ns, ns::getLastAppliedTxId);
  }

  /** @param lastSeenTxId the newest txid known to be in the journal (a standby's tail) */
  public NameNodeMetrics(Namesystem ns, LongSupplier lastSeenTxId) {
    this.ns = ns;
    this.lastSeenTxId = lastSeenTxId;
    this.name = "QuireNameNode-" + SEQ.incrementAndGet();
  }

  /** Name this source is (or will be) registered under. */
  public String getName() { return name; }

  /** Registers with the default metrics system (initialized as "NameNode" if needed). */
  public NameNodeMetrics register() {
    MetricsSystem ms = DefaultMetricsSystem.initialize("NameNode");
    ms.register(name, "Quire NameNode health and capacity", this);
    return this;
  }

  public void unregister() {
    DefaultMetricsSystem.instance().unregisterSource(name);
  }

  @Override
  public void getMetrics(MetricsCollector collector, boolean all) {
    ClusterHealth h;
    try {
      h = ClusterHealthCollector.collect(ns);
    } catch (IOException e) {
      LOG.warn("NameNode metrics snapshot failed", e);
      return;
    }
    HaGate gate = ns.getHaGate();
    MetricsRecordBuilder rb = collector.addRecord("NameNode").setContext("quire")
        .tag(Interns.info("Source", "Metrics source name"), name)
        .tag(Interns.info("HAState", "HA state of this NameNode"), gate.state().name());
    long applied = ns.getLastAppliedTxId();
    gauge(rb, "HAStateCode", gate.state().ordinal());
    gauge(rb, "JournalEpoch", gate.epoch());
    gauge(rb, "LastAppliedTxId", applied);
    gauge(rb, "TailLagTxns", Math.max(0, lastSeenTxId.getAsLong() - applied));
    gauge(rb, "CapacityTotal", h.getCapacity());
    gauge(rb, "CapacityUsed", h.getUsed());
    gauge(rb, "CapacityRemaining", h.getRemaining());
    gauge(rb, "FilesTotal", h.getTotalFiles());
    gauge(rb, "BlocksTotal", h.getTotalBlocks());
    gauge(rb, "UnderReplicatedBlocks", h.getUnderReplicatedBlocks());
    gauge(rb, "CorruptBlocks", h.getCorruptBlocks());
    gauge(rb, "MissingBlocks", h.getMissingBlocks());
    gauge(rb, "PendingReplicationBlocks", h.getPendingReplicationBlocks());
    gauge(rb, "NumLiveDataNodes", h.getLiveNodes());
    gauge(rb, "NumStaleDataNodes", h.getStaleNodes());
    gauge(rb, "NumDeadDataNodes", h.getDeadNodes());
    gauge(rb, "NumDecommissioningDataNodes", h.getDecommissioningNodes());
    gauge(rb, "NumDecommissionedDataNodes", h.getDecommissionedNodes());
    gauge(rb, "InSafeMode", h.isInSafeMode() ? 1 : 0);
    gauge(rb, "PendingDataNodeMessageCount", ns.getBlockManager().getQueuedMessageCount());
    rb.addCounter(Interns.info("DroppedDataNodeMessages",
        "DataNode messages a standby dropped because its queue was full"),
        ns.getBlockManager().getDroppedMessageCount());
    rb.addCounter(Interns.info("ScheduledReplicationWork",
        "TRANSFER and DELETE commands handed out by the replication monitor"),
        ns.getReplication().getScheduledWorkCount());
    ns.getSyncTimer().snapshot(rb, all);
  }

  private static void gauge(MetricsRecordBuilder rb, String metric, long value) {
    rb.addGauge(Interns.info(metric, metric), value);
  }
}
