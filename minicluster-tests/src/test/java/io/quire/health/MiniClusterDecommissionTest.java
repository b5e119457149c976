package io.quire.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.admin.BlockCheck;
import io.quire.admin.DecommissionTool;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): decommissioning a DataNode (quire admin decommission) copies its
 * blocks away first, then marks it DECOMMISSIONED; polled all along, no block ever has fewer
 * readable replicas than its replication.
 */
class MiniClusterDecommissionTest {
  private static MiniQuireCluster cluster;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 4, "decommission");
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test void blocksMoveFirstThenNodeIsDecommissioned() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    ClientProtocol nn = cluster.getClientProtocol();
    List<String> paths = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String p = "/decom/f" + i;
      byte[] data = TestData.random(HealthClusters.BLOCK_SIZE * 2 + 50 * i, 40 + i);
      HealthClusters.write(fs, new Path(p), data);
      paths.add(p);
      contents.add(data);
    }
    await("written at 3").atMost(HealthClusters.intervals(10))
        .until(() -> HealthClusters.allAtLive(nn, paths, 3));
    DataNodeInfo node = HealthClusters.blocks(nn, paths.get(0)).get(0).locations().get(0);

    AdminRun run = AdminRun.tool(cluster, (o, e) -> new DecommissionTool(true, o, e),
        node.getDataAddress());
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<String> violations = new CopyOnWriteArrayList<>();
    await("decommissioned").atMost(HealthClusters.intervals(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> {
          recordBelowReplication(nn, paths, violations);
          return HealthClusters.stateOf(nn, node.getUuid()) == DataNodeInfo.State.DECOMMISSIONED;
        });
    recordBelowReplication(nn, paths, violations);
    assertThat(violations).isEmpty();

    // Every block now has 3 replicas on nodes in service, none counting the retired node.
    for (String p : paths) {
      for (BlockCheck c : HealthClusters.blocks(nn, p)) {
        long inService = c.locations().stream()
            .filter(d -> !d.getUuid().equals(node.getUuid()))
            .filter(d -> d.getState() == DataNodeInfo.State.LIVE)
            .count();
        assertThat(inService).as(c.describe()).isGreaterThanOrEqualTo(3);
      }
    }
    for (int i = 0; i < paths.size(); i++) {
      assertThat(HealthClusters.read(fs, new Path(paths.get(i)))).isEqualTo(contents.get(i));
    }
  }

  /** Notes every block whose readable replicas (live + decommissioning) are below 3. */
  private static void recordBelowReplication(ClientProtocol nn, List<String> paths,
      List<String> violations) throws Exception {
    for (String p : paths) {
      for (BlockCheck c : HealthClusters.blocks(nn, p)) {
        if (c.live() + c.decommissioning() < c.expected()) {
          violations.add(p + ": " + c.describe());
        }
      }
    }
  }
}
