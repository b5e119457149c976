package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.client.ClientConfigKeys;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A writer leaves its pipeline idle for several DataNode socket timeouts: the client's
 * heartbeat packets keep it open, so the block is never recovered (its generation stamp
 * stays) and the write completes intact.
 */
class IdlePipelineKeepAliveTest {
  private static final int TIMEOUT_MS = 500;
  private MiniQuireCluster cluster;

  @BeforeEach
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, 1024 * 1024);
    conf.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, TIMEOUT_MS);
    conf.setInt(ClientConfigKeys.SOCKET_TIMEOUT_KEY, TIMEOUT_MS);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void idlePipelineOutlivesTheDataNodeSocketTimeout() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    String name = "/keepalive/file.bin";
    byte[] data = TestData.random(200_000, 7);
    try (FSDataOutputStream out = fs.create(new Path(name))) {
      out.write(data, 0, 70_000);
      out.hflush();
      long stamp = BlockLocations.last(cluster, name).getBlock().getGenerationStamp();
      // the pipeline must stay the same one (no recovery, which re-stamps) for 4 timeouts
      await().during(Duration.ofMillis(4L * TIMEOUT_MS)).atMost(Timing.seconds(30))
          .until(() -> BlockLocations.last(cluster, name).getBlock().getGenerationStamp() == stamp
              && BlockLocations.last(cluster, name).getLocations().size() == 3);
      out.write(data, 70_000, data.length - 70_000);
    }
    assertEquals(data.length, fs.getFileStatus(new Path(name)).getLen());
    FileContents.assertFileContent(fs, new Path(name), data);
  }
}
