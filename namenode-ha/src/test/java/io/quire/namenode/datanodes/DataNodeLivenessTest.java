package io.quire.namenode.datanodes;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataNodeLivenessTest {
  private NamesystemFixture fx;

  @BeforeEach
  void setUp() throws IOException {
    Configuration c = NamesystemFixture.defaultConf();
    c.setLong("quire.namenode.heartbeat.stale.ms", 5_000);
    c.setLong("quire.namenode.heartbeat.expire.ms", 20_000);
    fx = new NamesystemFixture(c, new io.quire.namenode.testing.InMemoryJournal());
  }

  @Test
  void foreignClusterAndUnknownNodesAreRefused() {
    DataNodeRegistration foreign = new DataNodeRegistration(new DataNodeId("x", "h", 1),
        "CID-other", "v");
    IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
        () -> fx.datanodes.registerDataNode(foreign));
    assertTrue(e.getMessage().contains("CID-other"), e.getMessage());
    assertThrows(UnregisteredNodeException.class, () -> fx.heartbeat(7));
    assertThrows(UnregisteredNodeException.class,
        () -> fx.datanodes.blockReport(fx.registration(7), List.of()));
  }

  @Test
  void silentNodeBecomesStaleThenDeadAndItsReplicasAreReplaced() throws IOException {
    for (int i = 0; i < 3; i++) {
      fx.addDataNode(i);
    }
    var nn = fx.client;
    long id = nn.create("/f", (short) 0644, "c", false, true, (short) 2, 1024).getFileId();
    Block b = nn.addBlock("/f", id, "c", null, List.of(), null).getBlock().withNumBytes(9);
    List<DataNodeInfo> pipeline = nn.getBlockLocations("/f", 0, 9).getBlocks().get(0)
        .getLocations();
    int silent = Integer.parseInt(pipeline.get(0).getUuid().substring(3));
    int other = Integer.parseInt(pipeline.get(1).getUuid().substring(3));
    fx.finalized(silent, b);
    fx.finalized(other, b);
    assertTrue(nn.complete("/f", id, "c", b));

    fx.clock.addAndGet(6_000);
    for (int i = 0; i < 3; i++) {
      if (i != silent) {
        fx.heartbeat(i);
      }
    }
    assertEquals(DataNodeInfo.State.STALE, state(silent));
    fx.clock.addAndGet(15_000);
    for (int i = 0; i < 3; i++) {
      if (i != silent) {
        fx.heartbeat(i);
      }
    }
    fx.monitor.runOnce();
    assertEquals(DataNodeInfo.State.DEAD, state(silent));
    assertThrows(UnregisteredNodeException.class, () -> fx.heartbeat(silent));
    assertEquals(1, nn.getBlockLocations("/f", 0, 9).getBlocks().get(0).getLocations().size());
    List<DataNodeCommand> cmds = fx.heartbeat(other);
    DataNodeCommand transfer = cmds.stream()
        .filter(c -> c.getType() == DataNodeCommand.Type.TRANSFER).findFirst().orElseThrow();
    assertNotEquals("dn-" + silent, transfer.getTargets().get(0).get(0).getUuid());
  }

  @Test
  void heartbeatsCarryUsageIntoTheReportAndStats() throws IOException {
    fx.addDataNode(0);
    fx.datanodes.sendHeartbeat(fx.registration(0), new StorageReport(100, 40, 60, 2, 0));
    DataNodeInfo info = fx.client.getDataNodeReport().get(0);
    assertEquals(100, info.getCapacity());
    assertEquals(60, info.getRemaining());
    assertEquals(DataNodeInfo.State.LIVE, info.getState());
    assertEquals(40, fx.client.getStats().getUsed());
  }

  private DataNodeInfo.State state(int i) {
    return fx.client.getDataNodeReport().stream()
        .filter(d -> d.getUuid().equals("dn-" + i)).findFirst().orElseThrow().getState();
  }
}
