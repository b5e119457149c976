package io.quire.namenode.health;

import static io.quire.namenode.health.HealthCluster.index;
import static io.quire.namenode.health.HealthCluster.ofType;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A corrupt replica is hidden, deleted, and replaced; on a 3-node cluster with replication 3
 * the node that held it receives the good copy once it confirmed the deletion (HDFS-17798).
 */
class CorruptReplicaRepairTest {

  @Test
  void threeNodesReplicationThreeRepairsInPlace() throws IOException {
    HealthCluster c = new HealthCluster(3);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    DataNodeInfo bad = lb.getLocations().get(1);
    int badIdx = index(bad);
    c.fx.datanodes.reportBadBlocks(c.fx.registration(badIdx), List.of(lb.getBlock()));

    BlockHealth h = c.fx.client.getBlockHealth("/f").getBlocks().get(0);
    assertEquals(BlockHealth.Status.UNDER_REPLICATED, h.getStatus());
    assertEquals(1, h.getCorruptReplicas().size());
    assertEquals(1, c.fx.client.getStats().getCorruptBlocks());
    assertTrue(c.fx.client.getBlockLocations("/f", 0, 100).getBlocks().get(0).getLocations()
        .stream().noneMatch(d -> d.getUuid().equals(bad.getUuid())), "hidden from readers");

    c.fx.monitor.runOnce();
    List<List<DataNodeCommand>> cmds = c.heartbeatAll();
    List<DataNodeCommand> deletes = ofType(cmds.get(badIdx), DataNodeCommand.Type.DELETE);
    assertEquals(1, deletes.size(), "the corrupt replica is deleted first");
    assertTrue(cmds.stream().allMatch(x -> ofType(x, DataNodeCommand.Type.TRANSFER).isEmpty()),
        "no transfer to a node that still holds the corrupt replica");

    // Its deletion is not confirmed yet: a full report still listing it changes nothing.
    c.fx.datanodes.blockReport(c.fx.registration(badIdx),
        List.of(new ReportedBlock(lb.getBlock(), ReplicaState.FINALIZED)));
    c.fx.monitor.runOnce();
    assertTrue(c.heartbeatAll().stream()
        .allMatch(x -> ofType(x, DataNodeCommand.Type.TRANSFER).isEmpty()));

    c.completeDelete(badIdx, deletes.get(0));
    c.fx.monitor.runOnce();
    List<DataNodeCommand> transfers = new ArrayList<>();
    c.heartbeatAll().forEach(x -> transfers.addAll(ofType(x, DataNodeCommand.Type.TRANSFER)));
    assertEquals(1, transfers.size());
    assertEquals(bad.getUuid(), transfers.get(0).getTargets().get(0).get(0).getUuid());
    c.completeTransfer(transfers.get(0));

    h = c.fx.client.getBlockHealth("/f").getBlocks().get(0);
    assertEquals(BlockHealth.Status.HEALTHY, h.getStatus());
    assertEquals(3, h.getLiveReplicas().size());
    assertEquals(0, h.getCorruptReplicas().size());
    assertEquals(0, c.fx.client.getStats().getCorruptBlocks());
  }

  @Test
  void allReplicasCorruptIsReportedCorruptAndKeptForReaders() throws IOException {
    HealthCluster c = new HealthCluster(2);
    LocatedBlock lb = c.writeFile("/f", (short) 2);
    for (DataNodeInfo d : lb.getLocations()) {
      c.fx.datanodes.reportBadBlocks(c.fx.registration(index(d)), List.of(lb.getBlock()));
    }
    assertEquals(BlockHealth.Status.CORRUPT,
        c.fx.client.getBlockHealth("/f").getWorstStatus());
    assertEquals(1, c.fx.client.getStats().getMissingBlocks());
    c.fx.monitor.runOnce();
    assertTrue(c.heartbeatAll().stream().allMatch(List::isEmpty),
        "the only copies are never deleted");
    assertTrue(c.fx.client.getBlockLocations("/f", 0, 100).getBlocks().get(0).isCorrupt());
  }

  @Test
  void lengthMismatchInAReportMarksTheReplicaCorrupt() throws IOException {
    HealthCluster c = new HealthCluster(3);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    int idx = index(lb.getLocations().get(2));
    c.fx.datanodes.blockReport(c.fx.registration(idx),
        List.of(new ReportedBlock(lb.getBlock().withNumBytes(42), ReplicaState.FINALIZED)));
    assertEquals(1, c.fx.client.getBlockHealth("/f").getBlocks().get(0).getCorruptReplicas()
        .size());
  }

  @Test
  void missingFileHasNoBlockHealth() {
    assertThrows(java.io.FileNotFoundException.class, () -> new HealthCluster(1)
        .fx.client.getBlockHealth("/nope"));
  }
}
