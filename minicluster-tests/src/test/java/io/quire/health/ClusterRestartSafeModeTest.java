package io.quire.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.admin.BlockCheck;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.SafeModeAction;
import io.quire.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): restart the whole cluster; safe mode holds while the block reports
 * arrive and then ends by itself; the data is intact; no replication work is scheduled while
 * safe mode is on.
 *
 * <p>The cluster wants all four DataNodes live before leaving safe mode
 * (safemode.min-datanodes = 4). With three of them back every block has a reported replica but
 * the blocks that lived on the fourth are under-replicated: exactly the situation in which a
 * NameNode that ignored safe mode would start copying.
 */
class ClusterRestartSafeModeTest {
  private static final int FILES = 8;
  private static MiniQuireCluster cluster;
  private static final List<byte[]> CONTENTS = new ArrayList<>();

  @BeforeAll static void start() throws Exception {
    Configuration conf = HealthClusters.conf((short) 3);
    conf.setInt(NameNodeConfigKeys.SAFEMODE_MIN_DATANODES_KEY, 4);
    conf.setLong(NameNodeConfigKeys.SAFEMODE_EXTENSION_KEY, 0);
    cluster = HealthClusters.start(conf, 4, "restart");
    FileSystem fs = cluster.getFileSystem();
    for (int i = 0; i < FILES; i++) {
      byte[] data = TestData.random(HealthClusters.BLOCK_SIZE + 100 + 100 * i, 100 + i);
      HealthClusters.write(fs, path(i), data);
      CONTENTS.add(data);
    }
    await("written at 3").atMost(HealthClusters.intervals(10))
        .until(() -> HealthClusters.allAtLive(cluster.getClientProtocol(), paths(), 3));
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Path path(int i) {
    return new Path("/restart/f" + i);
  }

  private static List<String> paths() {
    List<String> p = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      p.add(path(i).toString());
    }
    return p;
  }

  @Test void safeModeHoldsDuringReportsAndEndsByItself() throws Exception {
    restartNameNodeWithThreeDataNodes();
    Namesystem ns = cluster.getNameNode().getNamesystem();
    long replicasOnDisk = replicasOnDisk();
    // While safe mode is on, nothing is copied or deleted: the replicas on disk stay as they
    // were for several monitor passes, and safe mode stays on.
    await("safe mode holds, no replication")
        .during(Duration.ofMillis(20 * HealthClusters.MONITOR_MS))
        .atMost(HealthClusters.intervals(10))
        .until(() -> ns.getSafeMode().isOn() && replicasOnDisk() == replicasOnDisk);

    cluster.startDataNode(3);
    await("safe mode ends by itself").atMost(HealthClusters.intervals(10))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> !cluster.getClientProtocol().setSafeMode(SafeModeAction.GET));
    // No copies were made while waiting: every block still has exactly its three replicas.
    assertThat(replicasOnDisk()).isEqualTo(3L * FILES * 2);
    for (int i = 0; i < FILES; i++) {
      assertThat(HealthClusters.read(cluster.getFileSystem(), path(i))).isEqualTo(CONTENTS.get(i));
    }
    await("all at 3").atMost(HealthClusters.intervals(10))
        .until(() -> HealthClusters.allAtLive(cluster.getClientProtocol(), paths(), 3));
  }

  /** The NameNode's own count of replication work scheduled does not move in safe mode. */
  @Test void noReplicationWorkCountedDuringSafeMode() throws Exception {
    restartNameNodeWithThreeDataNodes();
    Namesystem ns = cluster.getNameNode().getNamesystem();
    long before = scheduledWork(ns);
    await("counter still during safe mode")
        .during(Duration.ofMillis(20 * HealthClusters.MONITOR_MS))
        .atMost(HealthClusters.intervals(10))
        .until(() -> ns.getSafeMode().isOn() && scheduledWork(ns) == before);
    cluster.startDataNode(3);
    await("safe mode ends by itself").atMost(HealthClusters.intervals(10))
        .until(() -> !ns.getSafeMode().isOn());
  }

  private static long scheduledWork(Namesystem ns) {
    return ns.getReplication().getScheduledWorkCount();
  }

  /** Stops every node, starts the NameNode and three DataNodes; waits for their reports. */
  private static void restartNameNodeWithThreeDataNodes() throws Exception {
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      cluster.stopDataNode(i);
    }
    cluster.stopNameNode();
    cluster.startNameNode();
    assertThat(cluster.getNameNode().isInSafeMode()).as("safe mode at start").isTrue();
    ClientProtocol nn = cluster.getClientProtocol();
    for (int i = 0; i < 3; i++) {
      cluster.startDataNode(i);
    }
    Namesystem ns = cluster.getNameNode().getNamesystem();
    // Reports in: every block has a live replica (any block is on three of the four nodes).
    await("block reports in").atMost(HealthClusters.intervals(10))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> everyBlockReported(nn));
    assertThat(ns.getSafeMode().isOn()).as("safe mode while a DataNode is missing").isTrue();
  }

  private static boolean everyBlockReported(ClientProtocol nn) throws Exception {
    for (String p : paths()) {
      for (BlockCheck c : HealthClusters.blocks(nn, p)) {
        if (c.live() == 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Replica files on the disks of the running DataNodes (block files, not meta files). */
  private static long replicasOnDisk() {
    long n = 0;
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      if (cluster.getDataNode(i) != null) {
        n += count(new File(cluster.getBaseDir(), "data/dn" + i));
      }
    }
    return n;
  }

  private static long count(File dir) {
    File[] kids = dir.listFiles();
    long n = 0;
    if (kids == null) {
      return 0;
    }
    for (File f : kids) {
      if (f.isDirectory()) {
        n += count(f);
      } else if (f.getName().startsWith("blk_") && !f.getName().endsWith(".meta")) {
        n++;
      }
    }
    return n;
  }
}
