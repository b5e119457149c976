package io.quire.datanode.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.types.Block;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.metrics2.AbstractMetric;
import org.apache.hadoop.metrics2.MetricsRecord;
import org.apache.hadoop.metrics2.impl.MetricsCollectorImpl;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.junit.jupiter.api.Test;

/** The DataNode's metrics2 source: registered per instance, counting writes, reads, beats. */
class DataNodeMetricsTest {
  private static final Duration WAIT = Timing.seconds(20);

  private static Map<String, Number> snapshot(DataNodeMetrics m) {
    MetricsCollectorImpl c = new MetricsCollectorImpl();
    m.getMetrics(c, true);
    Map<String, Number> out = new HashMap<>();
    for (Object o : c.getRecords()) {
      for (AbstractMetric metric : ((MetricsRecord) o).metrics()) {
        out.put(metric.name(), metric.value());
      }
    }
    return out;
  }

  @Test
  void writesReadsAndHeartbeatsAreCountedPerDataNode() throws Exception {
    DefaultMetricsSystem.setMiniClusterMode(true);
    try (DataNodeHarness h = new DataNodeHarness("DataNodeMetrics")) {
      DataNode dn = h.start(0);
      DataNode other = h.start(1);
      DataNodeMetrics m = dn.getMetrics();
      assertTrue(m.getSourceName().startsWith(DataNodeMetrics.SOURCE_PREFIX));
      assertNotNull(DefaultMetricsSystem.instance().getSource(m.getSourceName()));
      assertNotNull(DefaultMetricsSystem.instance().getSource(
          other.getMetrics().getSourceName()));

      Block b = new Block(9501, 1, 0);
      BlockClient.writeBlock(List.of(dn.getDataNodeId()), b, new byte[70_000]);
      assertEquals(70_000, m.getBytesWritten());
      assertEquals(1, m.getBlocksWritten());
      assertTrue(BlockClient.read(dn.getDataNodeId(), new Block(9501, 1, 70_000), 0, 70_000)
          .response().isSuccess());
      await().atMost(WAIT).until(() -> m.getBlocksRead() == 1);
      assertEquals(70_000, m.getBytesRead());
      assertEquals(0, other.getMetrics().getBytesWritten());

      await().atMost(WAIT).until(() -> h.nn.heartbeats.get() >= 4);
      Map<String, Number> snap = snapshot(m);
      assertEquals(70_000L, snap.get("BytesWritten").longValue());
      assertTrue(snap.get("HeartbeatsNumOps").longValue() >= 1, snap.toString());
      assertNotNull(snap.get("ActiveTransfers"));

      dn.stop();
      assertNull(DefaultMetricsSystem.instance().getSource(m.getSourceName()));
    }
  }
}
