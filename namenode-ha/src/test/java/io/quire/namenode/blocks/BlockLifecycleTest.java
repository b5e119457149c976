package io.quire.namenode.blocks;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.NotReplicatedYetException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockLifecycleTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    fx = new NamesystemFixture();
    nn = fx.client;
    for (int i = 0; i < 4; i++) {
      fx.addDataNode(i);
    }
  }

  private static List<String> uuids(LocatedBlock lb) {
    return lb.getLocations().stream().map(DataNodeInfo::getUuid).collect(Collectors.toList());
  }

  @Test
  void placementPrefersWriterAvoidsDuplicatesAndExclusions() throws IOException {
    long id = nn.create("/p", (short) 0644, "c", false, true, (short) 3, 1024).getFileId();
    LocatedBlock lb = nn.addBlock("/p", id, "c", null, List.of("dn-1"), "127.0.0.3");
    List<String> targets = uuids(lb);
    assertEquals(3, targets.size());
    assertEquals("dn-2", targets.get(0), "the writer's own DataNode comes first");
    assertEquals(3, new HashSet<>(targets).size());
    assertFalse(targets.contains("dn-1"));
  }

  @Test
  void fewerNodesThanReplicationAndNoNodes() throws IOException {
    long id = nn.create("/few", (short) 0644, "c", false, true, (short) 10, 1024).getFileId();
    assertEquals(4, nn.addBlock("/few", id, "c", null, List.of(), null).getLocations().size());
    long id2 = nn.create("/none", (short) 0644, "c", false, true, (short) 1, 1024).getFileId();
    IOException e = assertThrows(IOException.class, () -> nn.addBlock("/none", id2, "c", null,
        List.of("dn-0", "dn-1", "dn-2", "dn-3"), null));
    assertTrue(e.getMessage().startsWith("addBlock /none: could only be written to 0 of the 1 "
        + "minReplication nodes, there are 4 datanode(s) running"), e.getMessage());
  }

  @Test
  void completeWaitsForReplicasAndAddBlockForPreviousOnes() throws IOException {
    long id = nn.create("/w", (short) 0644, "c", false, true, (short) 2, 1024).getFileId();
    LocatedBlock b1 = nn.addBlock("/w", id, "c", null, List.of(), null);
    Block full1 = b1.getBlock().withNumBytes(1024);
    LocatedBlock b2 = nn.addBlock("/w", id, "c", full1, List.of(), null);
    assertEquals(1024, b2.getOffset());
    Block full2 = b2.getBlock().withNumBytes(1024);
    assertThrows(NotReplicatedYetException.class,
        () -> nn.addBlock("/w", id, "c", full2, List.of(), null));
    fx.finalized(0, full1);
    Block part3 = nn.addBlock("/w", id, "c", full2, List.of(), null).getBlock().withNumBytes(10);
    fx.finalized(1, full2);
    assertFalse(nn.complete("/w", id, "c", part3));
    fx.finalized(2, part3);
    assertTrue(nn.complete("/w", id, "c", part3));
    assertTrue(nn.complete("/w", id, "c", part3), "a repeated complete is still true");
    assertEquals(2058, nn.getFileInfo("/w").getLength());
    assertTrue(nn.isFileClosed("/w"));
  }

  @Test
  void locationsAreClosestFirstAndSkipCorruptReplicas() throws IOException {
    long id = nn.create("/loc", (short) 0644, "c", false, true, (short) 3, 1024).getFileId();
    Block b = nn.addBlock("/loc", id, "c", null, List.of(), null).getBlock().withNumBytes(100);
    for (int i = 0; i < 3; i++) {
      fx.finalized(i, b);
    }
    assertTrue(nn.complete("/loc", id, "c", b));
    LocatedBlocks lbs = fx.ns.read(() -> fx.ns.ops().reads()
        .getBlockLocations("/loc", 0, 100, "127.0.0.2"));
    assertEquals("dn-1", lbs.getBlocks().get(0).getLocations().get(0).getUuid());
    assertEquals(100, lbs.getFileLength());

    nn.reportBadBlocks(List.of(new LocatedBlock(b, 0,
        List.of(lbs.getBlocks().get(0).getLocations().get(0)), false)));
    LocatedBlock after = nn.getBlockLocations("/loc", 0, 100).getBlocks().get(0);
    assertEquals(2, after.getLocations().size());
    assertFalse(uuids(after).contains("dn-1"));
    assertFalse(after.isCorrupt());

    fx.monitor.runOnce();
    List<DataNodeCommand> cmds = fx.heartbeat(1);
    assertTrue(cmds.stream().anyMatch(c -> c.getType() == DataNodeCommand.Type.DELETE),
        "the corrupt replica is deleted once good copies exist: " + cmds);
  }

  @Test
  void blockReportsDeleteUnknownAndStaleReplicas() throws IOException {
    long id = nn.create("/r", (short) 0644, "c", false, true, (short) 1, 1024).getFileId();
    Block b = nn.addBlock("/r", id, "c", null, List.of(), null).getBlock().withNumBytes(5);
    fx.finalized(0, b);
    assertTrue(nn.complete("/r", id, "c", b));
    Block unknown = new Block(999, 1001, 5);
    Block stale = b.withGenerationStamp(b.getGenerationStamp() - 1);
    List<DataNodeCommand> cmds = fx.datanodes.blockReport(fx.registration(1), List.of(
        new ReportedBlock(unknown, ReplicaState.FINALIZED),
        new ReportedBlock(stale, ReplicaState.FINALIZED))).commands();
    assertEquals(1, cmds.size());
    assertEquals(DataNodeCommand.Type.DELETE, cmds.get(0).getType());
    assertEquals(List.of(unknown, stale), cmds.get(0).getBlocks());
  }

  @Test
  void underReplicatedBlocksGetTransferAndDeletedFilesGetDelete() throws IOException {
    long id = nn.create("/u", (short) 0644, "c", false, true, (short) 3, 1024).getFileId();
    Block b = nn.addBlock("/u", id, "c", null, List.of(), null).getBlock().withNumBytes(7);
    fx.finalized(0, b);
    assertTrue(nn.complete("/u", id, "c", b));
    // The two other pipeline nodes count as pending (their reports may lag the complete) until
    // the pending-transfer timeout; they never report, so after it the block is copied.
    fx.monitor.runOnce();
    assertFalse(fx.heartbeat(0).stream()
        .anyMatch(c -> c.getType() == DataNodeCommand.Type.TRANSFER),
        "no copy while the pipeline's reports may still come");
    fx.clock.addAndGet(NameNodeConfigKeys.REPLICATION_PENDING_TIMEOUT_DEFAULT);
    for (int i = 0; i < 4; i++) {
      fx.heartbeat(i);
    }
    fx.monitor.runOnce();
    DataNodeCommand transfer = fx.heartbeat(0).stream()
        .filter(c -> c.getType() == DataNodeCommand.Type.TRANSFER).findFirst().orElseThrow();
    assertEquals(List.of(b), transfer.getBlocks());
    assertEquals(2, transfer.getTargets().get(0).size());
    assertFalse(transfer.getTargets().get(0).stream().anyMatch(d -> d.getUuid().equals("dn-0")));

    assertTrue(nn.delete("/u", false));
    assertTrue(fx.heartbeat(0).stream().anyMatch(c -> c.getType() == DataNodeCommand.Type.DELETE
        && c.getBlocks().get(0).getBlockId() == b.getBlockId()));
  }

  @Test
  void overReplicatedBlocksLoseExtraCopies() throws IOException {
    long id = nn.create("/o", (short) 0644, "c", false, true, (short) 3, 1024).getFileId();
    Block b = nn.addBlock("/o", id, "c", null, List.of(), null).getBlock().withNumBytes(7);
    for (int i = 0; i < 3; i++) {
      fx.finalized(i, b);
    }
    assertTrue(nn.complete("/o", id, "c", b));
    assertTrue(nn.setReplication("/o", (short) 1));
    fx.monitor.runOnce();
    int deletes = 0;
    for (int i = 0; i < 3; i++) {
      deletes += (int) fx.heartbeat(i).stream()
          .filter(c -> c.getType() == DataNodeCommand.Type.DELETE).count();
    }
    assertEquals(2, deletes);
    assertEquals(1, nn.getBlockLocations("/o", 0, 7).getBlocks().get(0).getLocations().size());
  }
}
