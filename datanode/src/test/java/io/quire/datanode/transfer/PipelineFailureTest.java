package io.quire.datanode.transfer;

import io.quire.testing.Timing;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pipelines losing a node, and a DataNode at its connection limit. */
class PipelineFailureTest {
  private static final Duration WAIT = Timing.seconds(20);
  private DataNodeHarness h;

  @AfterEach
  void tearDown() throws IOException {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void lastNodeDyingIsReportedAndTheWriterRecoversOnTheSurvivors() throws IOException {
    h = new DataNodeHarness("PipelineNodeDies");
    DataNode[] dns = {h.start(0), h.start(1), h.start(2)};
    List<DataNodeId> pipe = List.of(dns[0].getDataNodeId(), dns[1].getDataNodeId(),
        dns[2].getDataNodeId());
    Block b = new Block(3000, 1, 0);
    byte[] data = new byte[400_000];
    new Random(21).nextBytes(data);
    int acked = 0;
    try (BlockClient c = new BlockClient(pipe.get(0))) {
      assertTrue(c.openWrite(b, pipe.subList(1, 3), BlockConstructionStage.CREATE, 1)
          .isSuccess());
      c.sendPacket(0, data, 0, 65536, false);
      assertEquals(-1, PipelineAck.read(c.in).firstFailedIndex());
      acked = 65536;
      dns[2].stop();
      PipelineAck failed = null;
      for (int pos = 65536; pos < data.length && failed == null; pos += 65536) {
        c.sendPacket(pos, data, pos, Math.min(65536, data.length - pos), false);
        PipelineAck a = PipelineAck.read(c.in);
        if (a.firstFailedIndex() >= 0) {
          failed = a;
        } else {
          acked = pos + Math.min(65536, data.length - pos);
        }
      }
      assertTrue(failed != null, "no ack reported the dead node");
      assertEquals(2, failed.firstFailedIndex(), failed.toString());
    }
    // pipeline recovery: continue on the two survivors with a new generation stamp
    try (BlockClient c = new BlockClient(pipe.get(0))) {
      OpResponse r = c.openWrite(b.withNumBytes(acked), pipe.subList(1, 2),
          BlockConstructionStage.RECOVER_APPEND, 2);
      assertTrue(r.isSuccess(), r.toString());
      byte[] rest = java.util.Arrays.copyOfRange(data, acked, data.length);
      for (PipelineAck a : c.writeAll(acked, rest, 65536)) {
        assertEquals(List.of(Status.SUCCESS, Status.SUCCESS), a.getReplies());
      }
    }
    for (int i = 0; i < 2; i++) {
      Replica rep = dns[i].getFsDataset().getReplica(3000);
      assertEquals(ReplicaState.FINALIZED, rep.getState());
      assertEquals(2, rep.getGenerationStamp());
      assertArrayEquals(data, Files.readAllBytes(rep.getBlockFile().toPath()));
    }
  }

  @Test
  void failureBeforeFinalizeOnOneNodeLeavesItsReplicaUnfinalized() throws IOException {
    h = new DataNodeHarness("PipelineFaultBeforeFinalize");
    DataNode[] dns = {h.start(0), h.start(1)};
    await().atMost(WAIT).until(() -> h.nn.reports.get() >= 2);
    dns[1].getFaultInjector().set(DataNodeFaultInjector.Point.BEFORE_FINALIZE, ctx -> {
      throw new IOException("injected: disk failed before finalize");
    });
    Block b = new Block(3002, 1, 0);
    List<DataNodeId> pipe = List.of(dns[0].getDataNodeId(), dns[1].getDataNodeId());
    try (BlockClient c = new BlockClient(pipe.get(0))) {
      assertTrue(c.openWrite(b, pipe.subList(1, 2), BlockConstructionStage.CREATE, 1)
          .isSuccess());
      c.sendPacket(0, new byte[1000], 0, 1000, false);
      c.sendLast(1000);
      assertEquals(-1, PipelineAck.read(c.in).firstFailedIndex());
      assertEquals(1, PipelineAck.read(c.in).firstFailedIndex());
    }
    assertEquals(ReplicaState.FINALIZED, dns[0].getFsDataset().getReplica(3002).getState());
    await().atMost(WAIT).until(() ->
        dns[1].getFsDataset().getReplica(3002).getWriter() == null);
    assertEquals(ReplicaState.RBW, dns[1].getFsDataset().getReplica(3002).getState());
    await().atMost(WAIT).until(() -> h.nn.receivedOf(3002).stream()
        .anyMatch(r -> r.getState() == ReplicaState.FINALIZED));
    assertEquals(1, h.nn.receivedOf(3002).stream()
        .filter(r -> r.getState() == ReplicaState.FINALIZED).count());
  }

  @Test
  void connectionsBeyondTheLimitAreRefusedPolitely() throws IOException {
    h = new DataNodeHarness("PipelineBusy");
    Configuration conf = h.conf(0);
    conf.setInt(DataNodeConfigKeys.TRANSFER_THREADS_KEY, 1);
    DataNode dn = h.start(conf);
    Block b = new Block(3001, 1, 0);
    try (BlockClient busy = new BlockClient(dn.getDataNodeId())) {
      assertTrue(busy.openWrite(b, List.of(), BlockConstructionStage.CREATE, 1).isSuccess());
      OpResponse refused = BlockClient.read(dn.getDataNodeId(), b, 0, 1).response();
      assertEquals(Status.ERROR, refused.getStatus());
      assertTrue(refused.getMessage().contains("busy"), refused.getMessage());
      busy.writeAll(0, new byte[100], 65536);
    }
    await().atMost(WAIT).until(() -> BlockClient.read(dn.getDataNodeId(), b, 0, 100)
        .response().isSuccess());
  }
}
