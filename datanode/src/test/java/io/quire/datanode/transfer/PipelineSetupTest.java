package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.storage.StorageDirectory;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pipeline set-up of CREATE: each node claims the block id, forwards the request, and creates
 * its files while the downstream nodes set up theirs.
 */
class PipelineSetupTest {
  private static DataNodeHarness h;
  private static DataNode[] dns;
  private static List<DataNodeId> pipeline;

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("PipelineSetupTest");
    dns = h.startReported(3);
    pipeline = DataNodeHarness.pipelineOf(dns);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  @Test
  void everyNodeHasItsFilesBeforeTheSetupIsAnsweredAndTheBlockFinalizes() throws IOException {
    Block b = new Block(6001, 5, 0);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b, pipeline.subList(1, 3), BlockConstructionStage.CREATE, 5);
      assertTrue(r.isSuccess(), r.toString());
      for (DataNode dn : dns) {
        assertTrue(dn.getBlockFile(6001).isFile(), "block file on " + dn.getDataNodeId());
        assertTrue(dn.getMetaFile(6001).isFile(), "meta file on " + dn.getDataNodeId());
      }
      byte[] data = TestData.random(70_000, 3);
      c.writeAll(0, data, 64 * 1024);
      for (DataNode dn : dns) {
        assertEquals(ReplicaState.FINALIZED, dn.getFsDataset().getReplica(6001).getState());
        assertArrayEquals(data, Files.readAllBytes(dn.getBlockFile(6001).toPath()));
      }
    }
  }

  @Test
  void localFileCreationFailingAfterForwardingRefusesAndReleasesTheBlockId() throws IOException {
    Block b = new Block(6002, 5, 0);
    List<File> obstacles = new java.util.ArrayList<>();
    for (StorageDirectory sd : dns[1].getFsDataset().getStorage().getDirs()) {
      File o = new File(sd.getRbwDir(), "blk_6002");
      assertTrue(new File(o, "in-the-way").mkdirs());
      obstacles.add(o);
    }
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b, pipeline.subList(1, 3), BlockConstructionStage.CREATE, 5);
      assertFalse(r.isSuccess(), "middle node cannot create its files: " + r);
    }
    assertNull(dns[1].getFsDataset().getReplica(6002), "middle node released the claim");
    obstacles.forEach(FileUtil::fullyDelete);
    // the downstream node got the request before the failure; a new generation stamp
    // replaces its unfinished replica like after any failed pipeline
    await().atMost(Timing.seconds(10)).until(() -> {
      var left = dns[2].getFsDataset().getReplica(6002);
      return left == null || left.getWriter() == null;
    });
    Block retry = new Block(6002, 6, 0);
    BlockClient.writeBlock(pipeline, retry, TestData.random(1000, 4));
    for (DataNode dn : dns) {
      assertEquals(ReplicaState.FINALIZED, dn.getFsDataset().getReplica(6002).getState());
    }
  }
}
