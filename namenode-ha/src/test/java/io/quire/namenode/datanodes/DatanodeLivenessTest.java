package io.quire.namenode.datanodes;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeCommand;
import io.quire.protocol.types.DatanodeId;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.DatanodeRegistration;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatanodeLivenessTest {
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
    DatanodeRegistration foreign = new DatanodeRegistration(new DatanodeId("x", "h", 1),
        "CID-other", "v");
    IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
        () -> fx.datanodes.registerDatanode(foreign));
    assertTrue(e.getMessage().contains("CID-other"), e.getMessage());
    assertThrows(UnregisteredNodeException.class, () -> fx.heartbeat(7));
    assertThrows(UnregisteredNodeException.class,
        () -> fx.datanodes.blockReport(fx.registration(7), List.of()));
  }

  @Test
  void silentNodeBecomesStaleThenDeadAndItsReplicasAreReplaced() throws IOException {
    for (int i = 0; i < 3; i++) {
      fx.addDatanode(i);
    }
    var nn = fx.client;
    long id = nn.create("/f", (short) 0644, "c", false, true, (short) 2, 1024).getFileId();
    Block b = nn.addBlock("/f", id, "c", null, List.of(), null).getBlock().withNumBytes(9);
    List<DatanodeInfo> pipeline = nn.getBlockLocations("/f", 0, 9).getBlocks().get(0)
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
    assertEquals(DatanodeInfo.State.STALE, state(silent));
    fx.clock.addAndGet(15_000);
    for (int i = 0; i < 3; i++) {
      if (i != silent) {
        fx.heartbeat(i);
      }
    }
    fx.monitor.runOnce();
    assertEquals(DatanodeInfo.State.DEAD, state(silent));
    assertThrows(UnregisteredNodeException.class, () -> fx.heartbeat(silent));
    assertEquals(1, nn.getBlockLocations("/f", 0, 9).getBlocks().get(0).getLocations().size());
    List<DatanodeCommand> cmds = fx.heartbeat(other);
    DatanodeCommand transfer = cmds.stream()
        .filter(c -> c.getType() == DatanodeCommand.Type.TRANSFER).findFirst().orElseThrow();
    assertNotEquals("dn-" + silent, transfer.getTargets().get(0).get(0).getUuid());
  }

  @Test
  void heartbeatsCarryUsageIntoTheReportAndStats() throws IOException {
    fx.addDatanode(0);
    fx.datanodes.sendHeartbeat(fx.registration(0), new StorageReport(100, 40, 60, 2, 0));
    DatanodeInfo info = fx.client.getDatanodeReport().get(0);
    assertEquals(100, info.getCapacity());
    assertEquals(60, info.getRemaining());
    assertEquals(DatanodeInfo.State.LIVE, info.getState());
    assertEquals(40, fx.client.getStats().getUsed());
  }

  private DatanodeInfo.State state(int i) {
    return fx.client.getDatanodeReport().stream()
        .filter(d -> d.getUuid().equals("dn-" + i)).findFirst().orElseThrow().getState();
  }
}
