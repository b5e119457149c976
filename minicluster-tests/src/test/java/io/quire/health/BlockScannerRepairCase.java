package io.quire.health;

import static io.quire.health.HealthClusters.blocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.admin.BlockCheck;
import io.quire.protocol.types.BlockHealth;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The scenario behind the block-scanner acceptance tests: bytes flipped inside one replica's
 * block file on disk are found by the DataNode's block scanner (no client reads the file), the
 * NameNode re-replicates from a good copy and drops the bad one, and fsck reports HEALTHY.
 */
final class BlockScannerRepairCase {
  private BlockScannerRepairCase() { }

  static void run(MiniQuireCluster cluster, String path) throws Exception {
    ClientProtocol nn = cluster.getClientProtocol();
    byte[] data = TestData.random(HealthClusters.BLOCK_SIZE + 5000, path.hashCode());
    HealthClusters.write(cluster.getFileSystem(), new Path(path), data);
    await("written at 3").atMost(HealthClusters.intervals(10))
        .until(() -> HealthClusters.allAtLive(nn, List.of(path), 3));

    BlockCheck first = blocks(nn, path).get(0);
    long blockId = first.block().getBlockId();
    String damagedUuid = first.locations().get(1).getUuid();
    int damaged = cluster.indexOfDataNode(damagedUuid);
    File blockFile = cluster.getDataNode(damaged).getBlockFile(blockId);
    flipBytes(blockFile, 1000, 16);
    byte[] good = HealthClusters.slice(data, 0);
    assertThat(Files.readAllBytes(blockFile.toPath())).isNotEqualTo(good);

    await("bad replica replaced").atMost(HealthClusters.intervals(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> repaired(cluster, nn, path, blockId, damaged, good));

    AdminRun fsck = AdminRun.fsck(cluster, path);
    assertThat(fsck.exitCode()).as(fsck.out()).isZero();
    assertThat(fsck.out()).contains("Status: HEALTHY", " Corrupt blocks:\t0");
    assertThat(HealthClusters.read(cluster.getFileSystem(), new Path(path))).isEqualTo(data);
  }

  /** Three live replicas, each with the right bytes on disk; the damaged copy gone or fixed. */
  private static boolean repaired(MiniQuireCluster cluster, ClientProtocol nn, String path,
      long blockId, int damaged, byte[] good) throws IOException {
    BlockCheck c = blocks(nn, path).get(0);
    if (c.live() != 3 || c.status() != BlockHealth.Status.HEALTHY) {
      return false;
    }
    for (DataNodeInfo d : c.locations()) {
      int i = cluster.indexOfDataNode(d.getUuid());
      if (i < 0 || !hasBytes(cluster.getDataNode(i).getBlockFile(blockId), good)) {
        return false;
      }
    }
    File onDamaged = cluster.getDataNode(damaged).getBlockFile(blockId);
    return onDamaged == null || !onDamaged.exists() || hasBytes(onDamaged, good);
  }

  private static boolean hasBytes(File f, byte[] want) throws IOException {
    try {
      return f != null && f.exists()
          && java.util.Arrays.equals(Files.readAllBytes(f.toPath()), want);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  static void flipBytes(File f, long offset, int n) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
      byte[] b = new byte[n];
      raf.seek(offset);
      raf.readFully(b);
      for (int i = 0; i < n; i++) {
        b[i] = (byte) ~b[i];
      }
      raf.seek(offset);
      raf.write(b);
    }
  }
}
