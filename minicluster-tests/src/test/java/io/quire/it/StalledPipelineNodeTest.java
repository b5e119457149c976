package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quire.client.ClientConfigKeys;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.DataNodeInfo;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The last DataNode of a write pipeline stops reading mid-block (its receiver hangs, as on a
 * stuck disk): the node before it gives up forwarding after its write timeout, the writer
 * drops the stalled node and hflush and close return with the data intact on the other two,
 * instead of every thread of the pipeline waiting forever.
 */
class StalledPipelineNodeTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private MiniQuireCluster cluster;

  @BeforeEach
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setInt(DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 1000);
    conf.setInt(ClientConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 1000);
    conf.setInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY, 500);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    cluster.close();
  }

  @Test
  void writeCompletesWithoutTheStalledNode() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    String name = "/stalled/file.bin";
    byte[] data = TestData.random(16 * 1024 * 1024, 11);
    int first = 100_000;
    FSDataOutputStream out = fs.create(new Path(name));
    out.write(data, 0, first);
    out.hflush();
    List<DataNodeInfo> pipeline = BlockLocations.last(cluster, name).getLocations();
    assertEquals(3, pipeline.size(), pipeline.toString());
    DataNodeInfo stalled = pipeline.get(2);
    cluster.getDataNode(cluster.indexOfDataNode(stalled.getUuid())).getFaultInjector()
        .set(DataNodeFaultInjector.Point.AFTER_RECEIVE_PACKET, seqno -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    assertTimeoutPreemptively(Timing.seconds(60), () -> {
      out.write(data, first, data.length - first);
      out.hflush();
      out.close();
    }, "the write hung behind a DataNode that stopped reading");
    List<DataNodeInfo> after = BlockLocations.last(cluster, name).getLocations();
    assertEquals(2, after.size(), after.toString());
    assertFalse(after.stream().anyMatch(d -> d.getUuid().equals(stalled.getUuid())),
        "the stalled node was dropped: " + after);
    release.countDown();
    FileContents.assertFileContent(fs, new Path(name), data);
  }
}
