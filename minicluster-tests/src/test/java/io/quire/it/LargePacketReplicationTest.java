package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quire.client.ClientConfigKeys;
import io.quire.datanode.DataNode;
import io.quire.datanode.storage.Replica;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.ReplicaState;
import io.quire.testing.TestData;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packets larger than 64 KiB reach every node of a three-node pipeline intact: after ~20 MB
 * written with 128 KiB or 1 MiB packets every block has three FINALIZED replicas, at the
 * stamp the NameNode knows, with identical block and meta files. (A DataNode once forwarded
 * such packets with a zeroed header, so pipeline recovery dropped the downstream nodes while
 * the writer still saw success.) Re-replication is switched off, so only the write pipeline
 * can have put the replicas there.
 */
class LargePacketReplicationTest {
  private static final int BLOCK = 4 * 1024 * 1024;
  private static final int LENGTH = 20_000_000;

  @ParameterizedTest(name = "packet size {0}")
  @ValueSource(ints = {128 * 1024, 1024 * 1024})
  void everyBlockHasThreeIdenticalFinalizedReplicas(int packetSize) throws Exception {
    Configuration conf = new Configuration();
    conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, BLOCK);
    conf.setInt(ClientConfigKeys.PACKET_SIZE_KEY, packetSize);
    conf.setInt(NameNodeConfigKeys.REPLICATION_MAX_STREAMS_KEY, 0);
    conf.setInt(NameNodeConfigKeys.REPLICATION_MAX_STREAMS_HARD_LIMIT_KEY, 0);
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build()) {
      FileSystem fs = cluster.getFileSystem();
      String name = "/large-packets/" + packetSize + ".bin";
      byte[] data = TestData.random(LENGTH, packetSize);
      try (FSDataOutputStream out = fs.create(new Path(name))) {
        out.write(data);
      }
      LocatedBlocks lbs = cluster.getClientProtocol().getBlockLocations(name, 0, Long.MAX_VALUE);
      assertEquals((LENGTH + BLOCK - 1) / BLOCK, lbs.getBlocks().size());
      for (LocatedBlock lb : lbs.getBlocks()) {
        assertEquals(3, lb.getLocations().size(), "locations of " + lb.getBlock());
        byte[] want = Arrays.copyOfRange(data, (int) lb.getOffset(),
            (int) (lb.getOffset() + lb.getBlock().getNumBytes()));
        byte[] firstMeta = null;
        for (int i = 0; i < 3; i++) {
          DataNode dn = cluster.getDataNode(i);
          Replica r = dn.getFsDataset().getReplica(lb.getBlock().getBlockId());
          assertNotNull(r, lb.getBlock() + " on DataNode " + i);
          assertEquals(ReplicaState.FINALIZED, r.getState(), r.toString());
          assertEquals(lb.getBlock().getGenerationStamp(), r.getGenerationStamp(), r.toString());
          assertArrayEquals(want, Files.readAllBytes(r.getBlockFile().toPath()),
              "data of " + r + " on DataNode " + i);
          byte[] meta = Files.readAllBytes(r.getMetaFile().toPath());
          if (firstMeta == null) {
            firstMeta = meta;
          } else {
            assertArrayEquals(firstMeta, meta, "checksums of " + r + " on DataNode " + i);
          }
        }
      }
      FileContents.assertFileContent(fs, new Path(name), data);
    }
  }
}
