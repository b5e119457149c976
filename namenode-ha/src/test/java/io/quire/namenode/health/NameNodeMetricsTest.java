package io.quire.namenode.health;

import static io.quire.namenode.health.HealthCluster.index;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.metrics.NameNodeMetrics;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.metrics2.AbstractMetric;
import org.apache.hadoop.metrics2.MetricsRecord;
import org.apache.hadoop.metrics2.impl.MetricsCollectorImpl;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.junit.jupiter.api.Test;

/** The metrics2 source reports what the NameNode knows. */
class NameNodeMetricsTest {

  private static Map<String, Number> snapshot(NameNodeMetrics m) {
    MetricsCollectorImpl collector = new MetricsCollectorImpl();
    m.getMetrics(collector, true);
    Map<String, Number> out = new HashMap<>();
    for (MetricsRecord r : collector.getRecords()) {
      for (AbstractMetric metric : r.metrics()) {
        out.put(metric.name(), metric.value());
      }
    }
    return out;
  }

  @Test
  void gaugesFollowTheCluster() throws IOException {
    HealthCluster c = new HealthCluster(4);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    NameNodeMetrics m = new NameNodeMetrics(c.fx.ns);
    Map<String, Number> s = snapshot(m);
    assertEquals(4L, s.get("NumLiveDataNodes").longValue());
    assertEquals(0L, s.get("NumDeadDataNodes").longValue());
    assertEquals(1L, s.get("BlocksTotal").longValue());
    assertEquals(2L, s.get("FilesTotal").longValue(), "root and /f");
    assertEquals(4L << 40, s.get("CapacityTotal").longValue());
    assertEquals(0L, s.get("InSafeMode").longValue());
    assertTrue(s.get("JournalSyncNumOps").longValue() > 0, s.toString());
    assertEquals((long) io.quire.protocol.types.HaState.ACTIVE.ordinal(),
        s.get("HAStateCode").longValue(), "a single NameNode is active");
    assertEquals(c.fx.ns.getLastAppliedTxId(), s.get("LastAppliedTxId").longValue());
    assertEquals(1L, s.get("JournalEpoch").longValue());
    assertEquals(0L, s.get("TailLagTxns").longValue());

    c.fx.client.setSafeMode(io.quire.protocol.types.SafeModeAction.ENTER);
    c.kill(index(lb.getLocations().get(0)));
    s = snapshot(m);
    assertEquals(3L, s.get("NumLiveDataNodes").longValue());
    assertEquals(1L, s.get("NumDeadDataNodes").longValue());
    assertEquals(1L, s.get("UnderReplicatedBlocks").longValue());
    assertEquals(1L, s.get("InSafeMode").longValue());
    assertEquals(0L, s.get("ScheduledReplicationWork").longValue());

    c.fx.client.setSafeMode(io.quire.protocol.types.SafeModeAction.LEAVE);
    c.fx.monitor.runOnce();
    s = snapshot(m);
    assertEquals(1L, s.get("PendingReplicationBlocks").longValue());
    assertEquals(0L, s.get("UnderReplicatedBlocks").longValue());
    assertEquals(1L, s.get("ScheduledReplicationWork").longValue());
  }

  @Test
  void eachInstanceRegistersUnderItsOwnName() throws IOException {
    DefaultMetricsSystem.setMiniClusterMode(true);
    NameNodeMetrics a = new NameNodeMetrics(new HealthCluster(1).fx.ns).register();
    NameNodeMetrics b = new NameNodeMetrics(new HealthCluster(1).fx.ns).register();
    try {
      assertNotEquals(a.getName(), b.getName());
      assertNotNull(DefaultMetricsSystem.instance().getSource(a.getName()));
      assertNotNull(DefaultMetricsSystem.instance().getSource(b.getName()));
    } finally {
      a.unregister();
      b.unregister();
    }
    assertNull(DefaultMetricsSystem.instance().getSource(a.getName()));
  }
}
