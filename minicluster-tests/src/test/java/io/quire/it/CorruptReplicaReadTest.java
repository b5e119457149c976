package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.File;
import java.io.RandomAccessFile;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bytes of one replica flipped on disk: every read still returns the right data, and once a
 * reader has hit the bad replica the NameNode knows it (it stops handing it out).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorruptReplicaReadTest {
  private MiniQuireCluster cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = MiniQuireCluster.builder(new Configuration()).numDataNodes(3).build();
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void readsAroundACorruptReplicaAndReportsIt() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    Path p = new Path("/corrupt/file.bin");
    byte[] data = TestData.random(200_000, 7);
    try (FSDataOutputStream out = fs.create(p)) {
      out.write(data);
    }
    LocatedBlock lb = cluster.getClientProtocol()
        .getBlockLocations("/corrupt/file.bin", 0, data.length).getBlocks().get(0);
    assertEquals(3, lb.getLocations().size());
    DataNodeInfo bad = lb.getLocations().get(0);
    int idx = cluster.indexOfDataNode(bad.getUuid());
    File blockFile = cluster.getDataNode(idx).getBlockFile(lb.getBlock().getBlockId());
    try (RandomAccessFile raf = new RandomAccessFile(blockFile, "rw")) {
      for (long off : new long[] {10, 70_000, 150_001}) {
        raf.seek(off);
        int b = raf.read();
        raf.seek(off);
        raf.write(b ^ 0xff);
      }
    }
    // Readers pick among equally close replicas at random: read until one has hit the bad copy.
    await("NameNode stops listing the corrupt replica").atMost(Timing.seconds(60))
        .pollInterval(Duration.ofMillis(10)).until(() -> {
          try (FileSystem fresh = FileSystem.newInstance(cluster.getURI(),
              cluster.getConfiguration())) {
            FileContents.assertFileContent(fresh, p, data);
          }
          return cluster.getClientProtocol().getBlockLocations("/corrupt/file.bin", 0,
              data.length).getBlocks().get(0).getLocations().stream()
              .noneMatch(d -> d.getUuid().equals(bad.getUuid()));
        });
    FileContents.assertFileContent(fs, p, data);
  }
}
