package io.quire.namenode.leases;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.AlreadyBeingCreatedException;
import io.quire.protocol.exceptions.RecoveryInProgressException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaseRecoveryTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    fx = new NamesystemFixture(); // soft limit 1 s, hard limit 5 s (fixture clock)
    nn = fx.client;
    fx.addDataNode(0);
    fx.addDataNode(1);
  }

  /** A writer that wrote half a block (RBW on both nodes) and vanished. */
  private Block abandonedWrite(String path) throws IOException {
    long id = nn.create(path, (short) 0644, "dead-client", false, true, (short) 2, 1024)
        .getFileId();
    Block b = nn.addBlock(path, id, "dead-client", null, List.of(), null).getBlock();
    for (int i = 0; i < 2; i++) {
      fx.datanodes.blockReceivedAndDeleted(fx.registration(i),
          List.of(new ReportedBlock(b.withNumBytes(300 + i), ReplicaState.RBW)), List.of());
    }
    return b;
  }

  private DataNodeCommand recoverCommand() throws IOException {
    for (int i = 0; i < 2; i++) {
      for (DataNodeCommand c : fx.heartbeat(i)) {
        if (c.getType() == DataNodeCommand.Type.RECOVER) {
          return c;
        }
      }
    }
    return null;
  }

  @Test
  void hardLimitExpiryStartsBlockRecoveryAndSyncClosesTheFile() throws IOException {
    Block b = abandonedWrite("/lost");
    fx.monitor.runOnce();
    assertNull(recoverCommand(), "nothing before the hard limit");
    fx.clock.addAndGet(6000);
    fx.monitor.runOnce();
    DataNodeCommand cmd = recoverCommand();
    assertNotNull(cmd);
    assertEquals(b.getBlockId(), cmd.getBlocks().get(0).getBlockId());
    assertEquals(b.getGenerationStamp(), cmd.getBlocks().get(0).getGenerationStamp());
    assertEquals(Long.MAX_VALUE, cmd.getBlocks().get(0).getNumBytes());
    assertEquals(2, cmd.getTargets().get(0).size());
    long recoveryId = cmd.getNewGenerationStamp();
    assertTrue(recoveryId > b.getGenerationStamp());
    assertFalse(nn.isFileClosed("/lost"));

    List<DataNodeId> survivors = List.of(fx.registration(0).getId(), fx.registration(1).getId());
    fx.datanodes.commitBlockSynchronization(b, recoveryId, 300, true, false, survivors);
    assertTrue(nn.isFileClosed("/lost"));
    assertEquals(300, nn.getFileInfo("/lost").getLength());
    fx.datanodes.commitBlockSynchronization(b, recoveryId, 300, true, false, survivors);
    for (int i = 0; i < 2; i++) {
      fx.finalized(i, new Block(b.getBlockId(), recoveryId, 300));
    }
    assertEquals(2, nn.getBlockLocations("/lost", 0, 300).getBlocks().get(0)
        .getLocations().size());
  }

  @Test
  void anotherClientTakesOverAfterTheSoftLimit() throws IOException {
    abandonedWrite("/soft");
    assertThrows(AlreadyBeingCreatedException.class, () -> nn.append("/soft", "other"));
    fx.clock.addAndGet(1500);
    assertThrows(RecoveryInProgressException.class, () -> nn.append("/soft", "other"));
    assertNotNull(recoverCommand());
  }

  @Test
  void fileWithoutReplicasIsClosedAtOnceByRecoverLease() throws IOException {
    long id = nn.create("/empty", (short) 0644, "gone", false, true, (short) 1, 1024)
        .getFileId();
    nn.addBlock("/empty", id, "gone", null, List.of(), null);
    fx.ns.updateVolatileState(() -> {
      fx.ns.getState().blocks().all()
          .forEach(bi -> fx.ns.getBlockManager().setPipeline(bi, List.of()));
      return null;
    });
    assertTrue(nn.recoverLease("/empty", "someone"));
    assertEquals(0, nn.getFileInfo("/empty").getLength());
    assertTrue(nn.recoverLease("/empty", "someone"));
  }

  @Test
  void renewedLeaseIsNotRecovered() throws IOException {
    abandonedWrite("/alive");
    for (int i = 0; i < 4; i++) {
      fx.clock.addAndGet(2000);
      nn.renewLease("dead-client");
      fx.monitor.runOnce();
    }
    assertNull(recoverCommand());
  }

  @Test
  void truncateInsideABlockRecoversToTheNewLength() throws IOException {
    long id = nn.create("/t", (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
    Block b = nn.addBlock("/t", id, "w", null, List.of(), null).getBlock().withNumBytes(1000);
    fx.finalized(0, b);
    fx.finalized(1, b);
    assertTrue(nn.complete("/t", id, "w", b));
    assertFalse(nn.truncate("/t", 400, "truncator"));
    DataNodeCommand cmd = recoverCommand();
    assertNotNull(cmd);
    assertEquals(400, cmd.getBlocks().get(0).getNumBytes());
    assertFalse(nn.isFileClosed("/t"));
    assertEquals(400, nn.getFileInfo("/t").getLength(), "readers see the new length at once");
    IOException wrong = assertThrows(IOException.class, () -> fx.datanodes
        .commitBlockSynchronization(cmd.getBlocks().get(0), cmd.getNewGenerationStamp(), 1000,
            true, false, List.of(fx.registration(0).getId())));
    assertTrue(wrong.getMessage().contains("truncate target 400"), wrong.getMessage());
    assertFalse(nn.isFileClosed("/t"));
    fx.datanodes.commitBlockSynchronization(cmd.getBlocks().get(0), cmd.getNewGenerationStamp(),
        400, true, false, List.of(fx.registration(0).getId()));
    assertTrue(nn.isFileClosed("/t"));
    assertEquals(400, nn.getFileInfo("/t").getLength());
  }
}
