package io.quire.namenode.blocks;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A block's state is journaled: COMMITTED becomes COMPLETE only when a record says so
 * (CloseFile, a later AddBlock, CommitBlockSync closing the file), never because a DataNode
 * reported a replica. A standby applying the same records holds the same states whatever it
 * heard from DataNodes.
 */
class CompleteByRecordsTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    fx = new NamesystemFixture();
    nn = fx.client;
    fx.addDataNode(0);
    fx.addDataNode(1);
  }

  private BlockState state(Block b) throws IOException {
    return fx.ns.read(() -> fx.ns.getState().blocks().get(b.getBlockId()).getState());
  }

  @Test
  void reportsNeverCompleteACommittedBlock() throws IOException {
    long id = nn.create("/f", (short) 0644, "c", false, true, (short) 1, 1024).getFileId();
    Block b1 = nn.addBlock("/f", id, "c", null, List.of(), null).getBlock().withNumBytes(1024);
    Block b2 = nn.addBlock("/f", id, "c", b1, List.of(), null).getBlock().withNumBytes(1024);
    assertEquals(BlockState.COMMITTED, state(b1), "addBlock committed the previous block");

    fx.finalized(0, b1);
    assertEquals(BlockState.COMMITTED, state(b1), "an incremental report changes no state");
    fx.datanodes.blockReport(fx.registration(0),
        List.of(new ReportedBlock(b1, ReplicaState.FINALIZED)));
    assertEquals(BlockState.COMMITTED, state(b1), "nor does a full report");

    Block b3 = nn.addBlock("/f", id, "c", b2, List.of(), null).getBlock().withNumBytes(10);
    assertEquals(BlockState.COMPLETE, state(b1), "AddBlock completes the blocks before the "
        + "previous last one (validation required their minimum replicas)");
    assertEquals(BlockState.COMMITTED, state(b2));

    fx.finalized(1, b2);
    fx.finalized(1, b3);
    assertEquals(BlockState.COMMITTED, state(b2));
    assertTrue(nn.complete("/f", id, "c", b3));
    assertEquals(BlockState.COMPLETE, state(b2), "CloseFile completes every block");
    assertEquals(BlockState.COMPLETE, state(b3));
  }

  @Test
  void committedLastBlockWaitsForCloseFile() throws IOException {
    long id = nn.create("/c", (short) 0644, "c", false, true, (short) 1, 1024).getFileId();
    Block b = nn.addBlock("/c", id, "c", null, List.of(), null).getBlock().withNumBytes(100);
    assertFalse(nn.complete("/c", id, "c", b), "no replica yet");
    assertEquals(BlockState.COMMITTED, state(b));
    assertFalse(nn.getBlockLocations("/c", 0, 100).isLastBlockComplete());

    fx.finalized(0, b);
    assertEquals(BlockState.COMMITTED, state(b), "the report changes no state");
    assertTrue(nn.getBlockLocations("/c", 0, 100).isLastBlockComplete(),
        "readers see a committed block with its minimum replicas as complete, as before");
    assertTrue(nn.complete("/c", id, "c", b));
    assertEquals(BlockState.COMPLETE, state(b));
  }

  @Test
  void blockSyncWithoutCloseLeavesTheBlockCommittedUntilTheFileCloses() throws IOException {
    long id = nn.create("/r", (short) 0644, "gone", false, true, (short) 1, 1024).getFileId();
    Block b = nn.addBlock("/r", id, "gone", null, List.of(), null).getBlock();
    fx.datanodes.blockReceivedAndDeleted(fx.registration(0),
        List.of(new ReportedBlock(b.withNumBytes(300), ReplicaState.RBW)), List.of());
    assertFalse(nn.recoverLease("/r", "other"));
    long recoveryId = fx.ns.read(() -> fx.ns.getState().blocks().get(b.getBlockId())
        .getRecoveryId());
    Block recovered = new Block(b.getBlockId(), recoveryId, 300);
    fx.datanodes.commitBlockSynchronization(b, recoveryId, 300, false, false,
        List.of(fx.registration(0).getId()));
    assertEquals(BlockState.COMMITTED, state(b));
    fx.finalized(0, recovered);
    assertEquals(BlockState.COMMITTED, state(b), "the report changes no state");
    assertTrue(nn.recoverLease("/r", "other"), "a committed block with its replicas closes");
    assertEquals(BlockState.COMPLETE, state(b));
  }
}
