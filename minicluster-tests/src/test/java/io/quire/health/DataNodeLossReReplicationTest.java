package io.quire.health;

import static io.quire.health.HealthClusters.allAtLive;
import static io.quire.health.HealthClusters.blocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.admin.BlockCheck;
import io.quire.protocol.types.BlockHealth;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): kill one DataNode of four with replication 3; every block is back at 3
 * live replicas within a bounded number of liveness intervals, and every file reads back
 * identical.
 */
class DataNodeLossReReplicationTest {
  private static MiniQuireCluster cluster;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 4, "dn-loss");
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test void lostDataNodeIsReplacedAndFilesStayIdentical() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    ClientProtocol nn = cluster.getClientProtocol();
    List<String> paths = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String p = "/loss/f" + i;
      byte[] data = TestData.random(HealthClusters.BLOCK_SIZE * 2 + 1000 * i, i);
      HealthClusters.write(fs, new Path(p), data);
      paths.add(p);
      contents.add(data);
    }
    await("written at 3 replicas").atMost(HealthClusters.intervals(10))
        .until(() -> allAtLive(nn, paths, 3));

    String victim = blocks(nn, paths.get(0)).get(0).locations().get(0).getUuid();
    int index = cluster.indexOfDataNode(victim);
    cluster.stopDataNode(index);

    // Dead after one expiry interval; then one monitor pass schedules the copies and the next
    // heartbeats carry them out. Ten expiry intervals is a generous bound for the whole.
    long t0 = System.nanoTime();
    Duration bound = HealthClusters.intervals(10);
    await("declared dead").atMost(bound).pollInterval(Duration.ofMillis(20))
        .until(() -> HealthClusters.stateOf(nn, victim) == DataNodeInfo.State.DEAD);
    await("back at 3 live replicas").atMost(bound.minusNanos(System.nanoTime() - t0))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> allAtLive(nn, paths, 3));

    for (String p : paths) {
      for (BlockCheck c : blocks(nn, p)) {
        assertThat(c.status()).isEqualTo(BlockHealth.Status.HEALTHY);
        assertThat(c.locations()).extracting(DataNodeInfo::getUuid).doesNotContain(victim);
      }
    }
    for (int i = 0; i < paths.size(); i++) {
      assertThat(HealthClusters.read(fs, new Path(paths.get(i)))).isEqualTo(contents.get(i));
    }
  }
}
