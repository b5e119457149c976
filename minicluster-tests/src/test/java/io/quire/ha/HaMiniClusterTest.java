package io.quire.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two NameNodes with DataNodes on quire://minins/: data written before a planned failover and
 * before the active stops reads back whole afterwards, writes continue on the new active, and
 * DataNodes follow the new active's commands (a deleted file's replicas disappear).
 */
class HaMiniClusterTest {
  private static MiniQuireCluster cluster;

  @BeforeAll
  static void start() throws IOException {
    Configuration conf = new Configuration();
    conf.setLong("quire.blocksize", 64 * 1024);
    cluster = MiniQuireCluster.builder(conf).nameNodes(2).numDataNodes(3).build();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static void write(FileSystem fs, Path p, byte[] b) throws IOException {
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(b);
    }
  }

  private static void assertContent(FileSystem fs, Path p, byte[] expected) throws IOException {
    byte[] actual = new byte[expected.length];
    try (FSDataInputStream in = fs.open(p)) {
      IOUtils.readFully(in, actual, 0, actual.length);
      assertEquals(-1, in.read());
    }
    assertArrayEquals(expected, actual, p.toString());
  }

  @Test
  void dataSurvivesPlannedAndUnplannedFailover() throws Exception {
    assertEquals("quire://minins/", cluster.getURI().toString());
    FileSystem fs = cluster.getFileSystem();
    byte[] a = TestData.random(300_000, 1);
    write(fs, new Path("/ha/a"), a);

    int first = cluster.waitForActiveNameNode();
    HaAdminProtocol admin = cluster.haAdmin(first);
    try {
      admin.transitionToStandby();
    } finally {
      QuireRpc.stopProxy(admin);
    }
    int second = cluster.waitForActiveNameNode();
    assertNotEquals(first, second);
    assertContent(fs, new Path("/ha/a"), a);
    byte[] b = TestData.random(200_000, 2);
    write(fs, new Path("/ha/b"), b);
    try (FSDataOutputStream out = fs.append(new Path("/ha/a"))) {
      out.write(b, 0, 1000);
    }

    cluster.stopNameNode(second);
    int third = cluster.waitForActiveNameNode();
    assertEquals(first, third);
    cluster.waitActive();
    assertContent(fs, new Path("/ha/b"), b);
    byte[] a2 = new byte[a.length + 1000];
    System.arraycopy(a, 0, a2, 0, a.length);
    System.arraycopy(b, 0, a2, a.length, 1000);
    assertContent(fs, new Path("/ha/a"), a2);
    assertEquals(HaState.ACTIVE, cluster.status(third).state());

    // DataNodes obey the new active: deleting a file removes its replicas from disk.
    LocatedBlock lb = cluster.getClientProtocol().getBlockLocations("/ha/b", 0, 1)
        .getBlocks().get(0);
    long blockId = lb.getBlock().getBlockId();
    assertTrue(fs.delete(new Path("/ha/b"), false));
    await().atMost(Timing.seconds(30)).until(() -> {
      for (int i = 0; i < cluster.getNumDataNodes(); i++) {
        if (cluster.getDataNode(i).getFsDataset().getReplica(blockId) != null) {
          return false;
        }
      }
      return true;
    });
    cluster.startNameNode(second);
    await().atMost(Timing.seconds(30)).ignoreExceptions().until(() -> cluster.status(second).state()
        == HaState.STANDBY);
    assertFalse(fs.exists(new Path("/ha/b")));
  }
}
