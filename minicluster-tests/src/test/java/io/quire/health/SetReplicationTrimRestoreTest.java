package io.quire.health;

import static io.quire.health.HealthClusters.allAtLive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.client.ClientProtocol;
import io.quire.testing.TestData;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): setReplication 3 → 1 trims every block to one replica (on the
 * NameNode's books and on the DataNodes' disks), then 1 → 3 restores three.
 */
class SetReplicationTrimRestoreTest {
  private static MiniQuireCluster cluster;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 4, "setrep");
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test void trimsThenRestores() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    ClientProtocol nn = cluster.getClientProtocol();
    String path = "/setrep/file";
    byte[] data = TestData.random(HealthClusters.BLOCK_SIZE * 3 + 11, 3);
    HealthClusters.write(fs, new Path(path), data);
    List<String> paths = List.of(path);
    await("written at 3").atMost(HealthClusters.intervals(10))
        .until(() -> allAtLive(nn, paths, 3));
    List<Long> ids = HealthClusters.blocks(nn, path).stream()
        .map(c -> c.block().getBlockId()).toList();

    assertThat(fs.setReplication(new Path(path), (short) 1)).isTrue();
    await("trimmed to 1").atMost(HealthClusters.intervals(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> allAtLive(nn, paths, 1) && replicaFiles(ids) == ids.size());
    assertThat(fs.getFileStatus(new Path(path)).getReplication()).isEqualTo((short) 1);

    assertThat(fs.setReplication(new Path(path), (short) 3)).isTrue();
    await("restored to 3").atMost(HealthClusters.intervals(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> allAtLive(nn, paths, 3) && replicaFiles(ids) == 3L * ids.size());
    assertThat(HealthClusters.read(fs, new Path(path))).isEqualTo(data);
  }

  /** Block files of these blocks present on the DataNodes' disks. */
  private static long replicaFiles(List<Long> ids) {
    long n = 0;
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      for (long id : ids) {
        File f = cluster.getDataNode(i).getBlockFile(id);
        if (f != null && f.exists()) {
          n++;
        }
      }
    }
    return n;
  }
}
