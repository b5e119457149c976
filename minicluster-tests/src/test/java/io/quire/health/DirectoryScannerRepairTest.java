package io.quire.health;

import static io.quire.health.HealthClusters.blocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.admin.BlockCheck;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.testing.TestData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): a block file deleted behind a DataNode's back is noticed by its
 * directory scanner (nobody reads the file) and the block is re-replicated to 3 good copies.
 */
class DirectoryScannerRepairTest {
  private static MiniQuireCluster cluster;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 4, "dirscan");
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test void deletedBlockFileIsNoticedAndReReplicated() throws Exception {
    ClientProtocol nn = cluster.getClientProtocol();
    String path = "/dirscan/file";
    byte[] data = TestData.random(HealthClusters.BLOCK_SIZE + 777, 7);
    HealthClusters.write(cluster.getFileSystem(), new Path(path), data);
    await("written at 3").atMost(HealthClusters.intervals(10))
        .until(() -> HealthClusters.allAtLive(nn, List.of(path), 3));

    BlockCheck before = blocks(nn, path).get(0);
    long blockId = before.block().getBlockId();
    String victimUuid = before.locations().get(0).getUuid();
    int victim = cluster.indexOfDataNode(victimUuid);
    File blockFile = cluster.getDataNode(victim).getBlockFile(blockId);
    Files.delete(blockFile.toPath());

    // First the NameNode must stop listing the lost replica (the scanner told it) ...
    await("lost replica dropped or replaced").atMost(HealthClusters.intervals(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !listedWithoutFile(nn, path, blockId));
    // ... then the block is back at three replicas, each with its bytes on disk.
    byte[] good = HealthClusters.slice(data, 0);
    await("re-replicated").atMost(HealthClusters.intervals(20))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(NoSuchFileException.class)
        .until(() -> threeGoodCopies(nn, path, blockId, good));
    assertThat(HealthClusters.read(cluster.getFileSystem(), new Path(path))).isEqualTo(data);
  }

  /** True while some listed location has no block file for the block. */
  private static boolean listedWithoutFile(ClientProtocol nn, String path, long blockId)
      throws Exception {
    for (DataNodeInfo d : blocks(nn, path).get(0).locations()) {
      File f = cluster.getDataNode(cluster.indexOfDataNode(d.getUuid())).getBlockFile(blockId);
      if (f == null || !f.exists()) {
        return true;
      }
    }
    return false;
  }

  private static boolean threeGoodCopies(ClientProtocol nn, String path, long blockId,
      byte[] good) throws Exception {
    BlockCheck c = blocks(nn, path).get(0);
    if (c.live() != 3) {
      return false;
    }
    for (DataNodeInfo d : c.locations()) {
      File f = cluster.getDataNode(cluster.indexOfDataNode(d.getUuid())).getBlockFile(blockId);
      if (f == null || !f.exists() || !Arrays.equals(Files.readAllBytes(f.toPath()), good)) {
        return false;
      }
    }
    return true;
  }
}
