package io.quire.datanode.metrics;

import java.util.function.IntSupplier;
import org.apache.hadoop.metrics2.MetricsCollector;
import org.apache.hadoop.metrics2.MetricsRecordBuilder;
import org.apache.hadoop.metrics2.MetricsSource;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.metrics2.lib.Interns;
import org.apache.hadoop.metrics2.lib.MetricsRegistry;
import org.apache.hadoop.metrics2.lib.MutableCounterLong;
import org.apache.hadoop.metrics2.lib.MutableRate;

/**
 * A DataNode's activity as a Hadoop metrics2 source named {@code DataNodeActivity-<uuid>}
 * (unique per DataNode, so several can live in one JVM): block bytes and blocks written and
 * read, blocks verified and corrupt replicas found by the scanners, the data-transfer
 * connections being served (gauge) and the heartbeat round-trip time (rate, milliseconds).
 * Counters also have getters for tests.
 */
public final class DataNodeMetrics implements MetricsSource {
  /** Prefix of the source name. */
  public static final String SOURCE_PREFIX = "DataNodeActivity-";

  private final MetricsRegistry registry = new MetricsRegistry("DataNodeActivity")
      .setContext("dfs");
  private final MutableCounterLong bytesWritten =
      registry.newCounter("BytesWritten", "Block bytes received and written to disk", 0L);
  private final MutableCounterLong bytesRead =
      registry.newCounter("BytesRead", "Block bytes sent to readers (READ_BLOCK)", 0L);
  private final MutableCounterLong blocksWritten =
      registry.newCounter("BlocksWritten", "Replicas finalized after a write or transfer", 0L);
  private final MutableCounterLong blocksRead =
      registry.newCounter("BlocksRead", "READ_BLOCK requests served", 0L);
  private final MutableCounterLong blocksVerified =
      registry.newCounter("BlocksVerified", "Replicas the block scanner verified healthy", 0L);
  private final MutableCounterLong bytesVerified =
      registry.newCounter("BytesVerified", "Block bytes the block scanner verified", 0L);
  private final MutableCounterLong corruptFound =
      registry.newCounter("CorruptReplicasFound", "Corrupt replicas found by the scanners", 0L);
  private final MutableRate heartbeats =
      registry.newRate("Heartbeats", "Heartbeat round trips in milliseconds", false);
  private final IntSupplier activeTransfers;
  private final String name;

  private DataNodeMetrics(String name, IntSupplier activeTransfers) {
    this.name = name;
    this.activeTransfers = activeTransfers;
    registry.tag(Interns.info("DataNodeUuid", "DataNode identity"), name);
  }

  /**
   * Creates the source of DataNode {@code uuid} and registers it with the metrics system,
   * started as "DataNode" unless something in this JVM started it already (sinks such as the
   * web UI's /prom only receive metrics from a started system).
   */
  public static DataNodeMetrics create(String uuid, IntSupplier activeTransfers) {
    DataNodeMetrics m = new DataNodeMetrics(SOURCE_PREFIX + uuid, activeTransfers);
    DefaultMetricsSystem.initialize("DataNode").register(m.name, "DataNode activity", m);
    return m;
  }

  /** Removes the source from the metrics system (DataNode stop). */
  public void unregister() {
    DefaultMetricsSystem.instance().unregisterSource(name);
  }

  public String getSourceName() { return name; }

  @Override public void getMetrics(MetricsCollector collector, boolean all) {
    MetricsRecordBuilder rb = collector.addRecord(registry.info());
    registry.snapshot(rb, all);
    rb.addGauge(Interns.info("ActiveTransfers", "Data-transfer connections being served"),
        activeTransfers.getAsInt());
  }

  public void addBytesWritten(long n) { bytesWritten.incr(n); }
  public void addBytesRead(long n) { bytesRead.incr(n); }
  public void incrBlocksWritten() { blocksWritten.incr(); }
  public void incrBlocksRead() { blocksRead.incr(); }
  public void incrBlocksVerified() { blocksVerified.incr(); }
  public void addBytesVerified(long n) { bytesVerified.incr(n); }
  public void incrCorruptFound() { corruptFound.incr(); }
  public void addHeartbeat(long millis) { heartbeats.add(millis); }

  public long getBytesWritten() { return bytesWritten.value(); }
  public long getBytesRead() { return bytesRead.value(); }
  public long getBlocksWritten() { return blocksWritten.value(); }
  public long getBlocksRead() { return blocksRead.value(); }
  public long getBlocksVerified() { return blocksVerified.value(); }
  public long getBytesVerified() { return bytesVerified.value(); }
  public long getCorruptFound() { return corruptFound.value(); }
}
