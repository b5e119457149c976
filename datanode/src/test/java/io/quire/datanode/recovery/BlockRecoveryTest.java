package io.quire.datanode.recovery;

import io.quire.datanode.testing.ReplicaMeta;
import io.quire.testing.Timing;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.datanode.testing.FakeNameNode;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lease recovery of a block whose writer died, run by a primary DataNode on a RECOVER command. */
class BlockRecoveryTest {
  private static final Duration WAIT = Timing.seconds(15);
  private static DataNodeHarness h;
  private static DataNode[] dns;

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("BlockRecoveryTest");
    dns = h.startReported(3);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  /** Leaves an RBW replica of {@code len} bytes of {@code data} on {@code dn}. */
  private static void writeRbw(DataNode dn, Block b, byte[] data, int len) throws IOException {
    try (BlockClient c = new BlockClient(dn.getDataNodeId())) {
      assertTrue(c.openWrite(b, List.of(), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      int packets = 0;
      for (int pos = 0; pos < len; pos += 65536) {
        c.sendPacket(pos, data, pos, Math.min(65536, len - pos), false);
        packets++;
      }
      for (int i = 0; i < packets; i++) {
        PipelineAck.read(c.in);
      }
    }
    await().atMost(WAIT).until(() -> dn.getFsDataset().getReplica(b.getBlockId())
        .getWriter() == null);
  }

  private static FakeNameNode.Commit commitOf(long blockId) {
    return h.nn.commits.stream().filter(c -> c.block().getBlockId() == blockId).findFirst()
        .orElse(null);
  }

  @Test
  void recoveryAgreesOnTheShortestReplicaAndCommits() throws IOException {
    Block b = new Block(900, 1001, 0);
    byte[] data = new byte[200_000];
    new Random(9).nextBytes(data);
    int[] lengths = {150_000, 70_001, 131_072};
    for (int i = 0; i < 3; i++) {
      writeRbw(dns[i], b, data, lengths[i]);
    }
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    List<DataNodeInfo> nodes = new ArrayList<>();
    for (DataNode dn : dns) {
      nodes.add(DataNodeInfo.ofId(dn.getDataNodeId()));
    }
    nodes.add(DataNodeInfo.ofId(new DataNodeId("dead", "127.0.0.1", deadPort)));
    long newGs = 1010;
    h.nn.queueCommand(dns[0].getDataNodeUuid(), new DataNodeCommand(
        // Lease recovery: no cap on the agreed length (the NameNode's convention).
        DataNodeCommand.Type.RECOVER, List.of(b.withNumBytes(Long.MAX_VALUE)), List.of(nodes),
        newGs));
    await().atMost(WAIT).until(() -> commitOf(900) != null);
    FakeNameNode.Commit c = commitOf(900);
    assertEquals(newGs, c.newGs());
    assertEquals(70_001, c.newLength());
    assertTrue(c.closeFile());
    assertFalse(c.deleteBlock());
    assertEquals(3, c.targets().size());
    byte[] want = Arrays.copyOf(data, 70_001);
    for (DataNode dn : dns) {
      Replica r = dn.getFsDataset().getReplica(900);
      assertEquals(ReplicaState.FINALIZED, r.getState());
      assertEquals(newGs, r.getGenerationStamp());
      assertArrayEquals(want, Files.readAllBytes(r.getBlockFile().toPath()));
      assertArrayEquals(ReplicaMeta.of(want), Files.readAllBytes(r.getMetaFile().toPath()));
    }
    await().atMost(WAIT).until(() -> h.nn.receivedOf(900).stream().filter(r ->
        r.getState() == ReplicaState.FINALIZED && r.getBlock().getGenerationStamp() == newGs
            && r.getBlock().getNumBytes() == 70_001).count() == 3);
  }

  @Test
  void recoveryWithoutAnyReplicaAsksToDeleteTheBlock() {
    Block b = new Block(901, 5, 0);
    List<DataNodeInfo> nodes = List.of(DataNodeInfo.ofId(dns[1].getDataNodeId()));
    h.nn.queueCommand(dns[0].getDataNodeUuid(), new DataNodeCommand(
        DataNodeCommand.Type.RECOVER, List.of(b.withNumBytes(Long.MAX_VALUE)), List.of(nodes),
        6));
    await().atMost(WAIT).until(() -> commitOf(901) != null);
    FakeNameNode.Commit c = commitOf(901);
    assertEquals(901, c.block().getBlockId());
    assertTrue(c.deleteBlock());
  }

  /**
   * Copy on truncate: a RECOVER command with a new block id leaves every old replica as it is
   * and creates a FINALIZED replica of the new block with the agreed prefix on each node, then
   * commits the new block.
   */
  @Test
  void recoveryWithANewBlockIdCopiesThePrefixAndKeepsTheOldReplicas() throws IOException {
    Block b = new Block(902, 2001, 0);
    byte[] data = new byte[150_000];
    new Random(10).nextBytes(data);
    List<DataNodeInfo> nodes = new ArrayList<>();
    for (DataNode dn : dns) {
      writeRbw(dn, b, data, data.length);
      nodes.add(DataNodeInfo.ofId(dn.getDataNodeId()));
    }
    // finalize the old replicas as a closed file has them
    h.nn.queueCommand(dns[0].getDataNodeUuid(), new DataNodeCommand(
        DataNodeCommand.Type.RECOVER, List.of(b.withNumBytes(Long.MAX_VALUE)), List.of(nodes),
        2002));
    await().atMost(WAIT).until(() -> commitOf(902) != null);
    Block old = new Block(902, 2002, data.length);

    long newId = 903;
    long newGs = 2005;
    int cut = 70_001; // 136 whole chunks and 369 bytes
    h.nn.queueCommand(dns[1].getDataNodeUuid(), new DataNodeCommand(
        DataNodeCommand.Type.RECOVER, List.of(old.withNumBytes(cut)), List.of(nodes), newGs,
        newId));
    await().atMost(WAIT).until(() -> commitOf(newId) != null);
    FakeNameNode.Commit c = commitOf(newId);
    assertEquals(newGs, c.newGs());
    assertEquals(cut, c.newLength());
    assertFalse(c.deleteBlock());
    assertEquals(3, c.targets().size());
    byte[] want = Arrays.copyOf(data, cut);
    for (DataNode dn : dns) {
      Replica copy = dn.getFsDataset().getReplica(newId);
      assertEquals(ReplicaState.FINALIZED, copy.getState());
      assertEquals(newGs, copy.getGenerationStamp());
      assertArrayEquals(want, Files.readAllBytes(copy.getBlockFile().toPath()));
      assertArrayEquals(ReplicaMeta.of(want), Files.readAllBytes(copy.getMetaFile().toPath()));
      Replica kept = dn.getFsDataset().getReplica(902);
      assertEquals(old, kept.toBlock(), "the old replica is untouched");
      assertEquals(ReplicaState.FINALIZED, kept.getState());
      assertArrayEquals(data, Files.readAllBytes(kept.getBlockFile().toPath()));
      assertArrayEquals(ReplicaMeta.of(data), Files.readAllBytes(kept.getMetaFile().toPath()));
    }
    await().atMost(WAIT).until(() -> h.nn.receivedOf(newId).stream().filter(r ->
        r.getState() == ReplicaState.FINALIZED && r.getBlock().getGenerationStamp() == newGs
            && r.getBlock().getNumBytes() == cut).count() == 3);
  }
}
