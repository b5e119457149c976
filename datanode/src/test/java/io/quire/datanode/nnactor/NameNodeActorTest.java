package io.quire.datanode.nnactor;

import io.quire.testing.Timing;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.storage.DataStorage;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.InconsistentConfigurationException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A DataNode's NameNode actor against an in-process fake NameNode. */
class NameNodeActorTest {
  private static final Duration WAIT = Timing.seconds(15);
  private DataNodeHarness h;

  @AfterEach
  void tearDown() throws IOException {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void registersReportsAndHeartbeats() {
    h = new DataNodeHarness("ActorRegisters");
    DataNode dn = h.start(0);
    await().atMost(WAIT).until(() -> h.nn.heartbeats.get() >= 3);
    assertEquals(dn.getDataNodeUuid(), h.nn.registrations.get(0).getId().getUuid());
    assertEquals(dn.getDataAddress().getPort(),
        h.nn.registrations.get(0).getId().getDataPort());
    assertEquals("localhost", h.nn.registrations.get(0).getId().getHost());
    assertEquals("test-cluster", h.nn.registrations.get(0).getClusterId());
    assertTrue(h.nn.reports.get() >= 1);
    assertTrue(h.nn.lastStorageReport.getCapacity() > 0);
    assertTrue(h.nn.lastStorageReport.getRemaining() > 0);
  }

  @Test
  void deleteCommandRemovesFilesAndIsReported() throws IOException {
    h = new DataNodeHarness("ActorDelete");
    DataNode dn = h.start(0);
    await().atMost(WAIT).until(() -> h.nn.reports.get() >= 1);
    Block b = new Block(500, 7, 0);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), b, new byte[5000]);
    File blk = dn.getBlockFile(500);
    File meta = dn.getMetaFile(500);
    assertTrue(blk.exists() && meta.exists());
    await().atMost(WAIT).until(() -> !h.nn.receivedOf(500).isEmpty());
    h.nn.queueCommand(dn.getDataNodeUuid(), DataNodeCommand.delete(List.of(b)));
    await().atMost(WAIT).until(() -> h.nn.deleted.stream()
        .anyMatch(d -> d.getBlockId() == 500));
    assertFalse(blk.exists());
    assertFalse(meta.exists());
    assertEquals(null, dn.getFsDataset().getReplica(500));
    assertTrue(h.nn.lastStorageReport != null);
  }

  @Test
  void reRegistersAndReportsWhenTheNameNodeForgetsIt() {
    h = new DataNodeHarness("ActorReRegister");
    h.start(0);
    await().atMost(WAIT).until(() -> h.nn.reports.get() >= 1);
    int regs = h.nn.registrations.size();
    int reports = h.nn.reports.get();
    h.nn.forgetAll();
    await().atMost(WAIT).until(() -> h.nn.registrations.size() > regs
        && h.nn.reports.get() > reports);
  }

  @Test
  void registerCommandAndBlockReportTrigger() {
    h = new DataNodeHarness("ActorCommands");
    DataNode dn = h.start(0);
    await().atMost(WAIT).until(() -> h.nn.reports.get() >= 1);
    int reports = h.nn.reports.get();
    dn.triggerBlockReport();
    await().atMost(WAIT).until(() -> h.nn.reports.get() > reports);
    int regs = h.nn.registrations.size();
    h.nn.queueCommand(dn.getDataNodeUuid(), DataNodeCommand.register());
    await().atMost(WAIT).until(() -> h.nn.registrations.size() > regs);
  }

  @Test
  void keepsRetryingWhileTheNameNodeIsDown() {
    h = new DataNodeHarness("ActorRetry");
    DataNode dn = h.start(0);
    await().atMost(WAIT).until(() -> h.nn.heartbeats.get() >= 1);
    AtomicInteger attempts = new AtomicInteger();
    dn.getFaultInjector().set(DataNodeFaultInjector.Point.BEFORE_HEARTBEAT,
        c -> attempts.incrementAndGet());
    h.nn.setDown(true);
    await().atMost(WAIT).until(() -> h.nn.refusedCalls.get() >= 3);
    int before = h.nn.heartbeats.get();
    h.nn.setDown(false);
    await().atMost(WAIT).until(() -> h.nn.heartbeats.get() > before);
    assertTrue(attempts.get() >= 1);
  }

  @Test
  void storageOfAnotherClusterStopsTheActor() throws IOException {
    h = new DataNodeHarness("ActorForeign");
    try (DataStorage s = DataStorage.open(List.of(new File(h.dirOf(0), "d1"),
        new File(h.dirOf(0), "d2")))) {
      s.checkOrStampClusterId("other-cluster");
    }
    DataNode dn = h.start(0);
    NameNodeActor actor = dn.getNameNodeActors().getActors().get(0);
    await().atMost(WAIT).until(() -> actor.getFatalError() != null);
    assertTrue(actor.getFatalError() instanceof IncompatibleStorageException);
    assertTrue(actor.getFatalError().getMessage().contains("other-cluster"));
    assertTrue(h.nn.registrations.isEmpty());
  }

  /**
   * A DataNode whose block access tokens are off would serve any block to anyone a NameNode
   * with tokens on thinks it protects (and one with tokens on would refuse every client of a
   * NameNode with them off): it does not register, as HDFS's DataNode refuses inconsistent
   * block-token settings.
   */
  @Test
  void blockTokenSettingOtherThanTheNameNodesStopsTheActor() throws IOException {
    h = new DataNodeHarness("ActorTokens"); // tokens off on the DataNode
    h.nn.blockTokensEnabled = true;
    DataNode dn = h.start(0);
    NameNodeActor actor = dn.getNameNodeActors().getActors().get(0);
    await().atMost(WAIT).until(() -> actor.getFatalError() != null);
    assertTrue(actor.getFatalError() instanceof InconsistentConfigurationException,
        actor.getFatalError().toString());
    assertTrue(actor.getFatalError().getMessage()
        .contains(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY), actor.getFatalError()
        .getMessage());
    assertTrue(h.nn.registrations.isEmpty());
  }

  @Test
  void transferCommandCopiesAReplica() throws IOException {
    h = new DataNodeHarness("ActorTransfer");
    DataNode a = h.start(0);
    DataNode b = h.start(1);
    Block blk = new Block(600, 3, 0);
    byte[] data = new byte[100_000];
    new java.util.Random(6).nextBytes(data);
    BlockClient.writeBlock(List.of(a.getDataNodeId()), blk, data);
    h.nn.queueCommand(a.getDataNodeUuid(), new DataNodeCommand(DataNodeCommand.Type.TRANSFER,
        List.of(blk.withNumBytes(data.length)),
        List.of(List.of(DataNodeInfo.ofId(b.getDataNodeId()))), 0));
    await().atMost(WAIT).until(() -> b.getFsDataset().getReplica(600) != null
        && b.getFsDataset().getReplica(600).getState() == ReplicaState.FINALIZED);
    assertEquals(data.length, b.getFsDataset().getReplica(600).getBytesOnDisk());
    BlockClient.ReadResult r = BlockClient.read(b.getDataNodeId(), blk, 0, data.length);
    org.junit.jupiter.api.Assertions.assertArrayEquals(data, r.data());
  }

  @Test
  void transferOfACorruptReplicaReportsItAsBad() throws IOException {
    h = new DataNodeHarness("ActorCorruptTransfer");
    DataNode a = h.start(0);
    DataNode b = h.start(1);
    await().atMost(WAIT).until(() -> h.nn.reports.get() >= 2);
    Block blk = new Block(650, 3, 0);
    BlockClient.writeBlock(List.of(a.getDataNodeId()), blk, new byte[300_000]);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(a.getBlockFile(650), "rw")) {
      f.seek(200_000);
      f.write(1);
    }
    h.nn.queueCommand(a.getDataNodeUuid(), new DataNodeCommand(DataNodeCommand.Type.TRANSFER,
        List.of(blk.withNumBytes(300_000)),
        List.of(List.of(DataNodeInfo.ofId(b.getDataNodeId()))), 0));
    await().atMost(WAIT).until(() -> h.nn.badBlocks.stream()
        .anyMatch(x -> x.getBlockId() == 650));
    assertTrue(b.getFsDataset().getReplica(650) == null
        || b.getFsDataset().getReplica(650).getState() != ReplicaState.FINALIZED);
  }

  @Test
  void restartKeepsReplicasAndTurnsRbwIntoRwr() throws IOException {
    h = new DataNodeHarness("ActorRestart");
    DataNode dn = h.start(0);
    String uuid = dn.getDataNodeUuid();
    Block fin = new Block(700, 1, 0);
    byte[] data = new byte[10_000];
    new java.util.Random(7).nextBytes(data);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), fin, data);
    Block rbw = new Block(701, 1, 0);
    try (BlockClient c = new BlockClient(dn.getDataNodeId())) {
      c.openWrite(rbw, List.of(), io.quire.protocol.datatransfer.BlockConstructionStage.CREATE,
          1);
      c.sendPacket(0, data, 0, 1500, true);
      io.quire.protocol.datatransfer.PipelineAck.read(c.in);
    }
    await().atMost(WAIT).until(() -> dn.getFsDataset().getReplica(701).getWriter() == null);
    dn.stop();
    int reports = h.nn.reports.get();
    DataNode again = h.start(0);
    assertEquals(uuid, again.getDataNodeUuid());
    assertEquals(ReplicaState.FINALIZED, again.getFsDataset().getReplica(700).getState());
    assertEquals(10_000, again.getFsDataset().getReplica(700).getBytesOnDisk());
    assertEquals(ReplicaState.RWR, again.getFsDataset().getReplica(701).getState());
    assertEquals(1500, again.getFsDataset().getReplica(701).getBytesOnDisk());
    await().atMost(WAIT).until(() -> h.nn.reports.get() > reports);
    List<ReportedBlock> report = h.nn.lastReport.get(uuid);
    assertEquals(2, report.size());
    BlockClient.ReadResult r = BlockClient.read(again.getDataNodeId(), fin, 0, data.length);
    org.junit.jupiter.api.Assertions.assertArrayEquals(data, r.data());
  }
}
