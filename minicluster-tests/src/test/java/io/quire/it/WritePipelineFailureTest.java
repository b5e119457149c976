package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.testing.TestData;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A DataNode of a three-node write pipeline dies mid-write: the write completes, intact. */
class WritePipelineFailureTest {
  private static final int BLOCK = 1024 * 1024;
  private MiniQuireCluster cluster;

  @BeforeEach
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, BLOCK);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void writeSurvivesLossOfAPipelineNode() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    Path p = new Path("/pipeline/file.bin");
    byte[] data = TestData.random(3 * BLOCK + 12345, 42);
    int firstPart = BLOCK / 2 + 777;
    try (FSDataOutputStream out = fs.create(p)) {
      out.write(data, 0, firstPart);
      out.hflush();
      LocatedBlocks lbs = cluster.getClientProtocol().getBlockLocations("/pipeline/file.bin", 0,
          Long.MAX_VALUE);
      LocatedBlock last = lbs.getBlocks().get(lbs.getBlocks().size() - 1);
      List<DataNodeInfo> pipeline = last.getLocations();
      assertEquals(3, pipeline.size(), "pipeline of the first block: " + pipeline);
      int victim = cluster.indexOfDataNode(pipeline.get(1).getUuid());
      assertTrue(victim >= 0, "pipeline node is one of the cluster's");
      cluster.stopDataNode(victim);
      out.write(data, firstPart, data.length - firstPart);
    }
    assertEquals(data.length, fs.getFileStatus(p).getLen());
    FileContents.assertFileContent(fs, p, data);
  }
}
