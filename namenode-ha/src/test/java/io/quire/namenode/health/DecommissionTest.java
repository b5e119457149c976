package io.quire.namenode.health;

import static io.quire.namenode.health.HealthCluster.index;
import static io.quire.namenode.health.HealthCluster.ofType;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.protocol.exceptions.UnknownDataNodeException;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;

/** DECOMMISSIONING -> copies made elsewhere -> DECOMMISSIONED; recommission; permissions. */
class DecommissionTest {

  private static DataNodeInfo.State state(HealthCluster c, int i) {
    return c.fx.client.getDataNodeReport().stream()
        .filter(d -> d.getUuid().equals("dn-" + i)).findFirst().orElseThrow().getState();
  }

  @Test
  void decommissionCopiesBlocksAwayBeforeFinishing() throws IOException {
    HealthCluster c = new HealthCluster(4);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    int node = index(lb.getLocations().get(0));
    c.fx.client.setDecommission("127.0.0." + (node + 1) + ":" + (9000 + node), true);
    c.fx.client.setDecommission("dn-" + node, true); // idempotent
    assertEquals(DataNodeInfo.State.DECOMMISSIONING, state(c, node));
    assertEquals(1, c.fx.client.getClusterHealth().getDecommissioningNodes());

    // Still readable, listed after the in-service replicas.
    List<DataNodeInfo> locs = c.fx.client.getBlockLocations("/f", 0, 100).getBlocks().get(0)
        .getLocations();
    assertEquals(3, locs.size());
    assertEquals("dn-" + node, locs.get(2).getUuid());

    c.fx.monitor.runOnce();
    assertEquals(DataNodeInfo.State.DECOMMISSIONING, state(c, node), "not before the copy");
    List<DataNodeCommand> transfers = new ArrayList<>();
    c.heartbeatAll().forEach(x -> transfers.addAll(ofType(x, DataNodeCommand.Type.TRANSFER)));
    assertEquals(1, transfers.size());
    DataNodeInfo target = transfers.get(0).getTargets().get(0).get(0);
    assertTrue(lb.getLocations().stream().noneMatch(d -> d.getUuid().equals(target.getUuid())));
    c.completeTransfer(transfers.get(0));
    c.fx.monitor.runOnce();
    assertEquals(DataNodeInfo.State.DECOMMISSIONED, state(c, node));
    // Its replica is not trimmed: the block now has 3 live + 1 decommissioned copies.
    assertTrue(c.heartbeatAll().stream()
        .allMatch(x -> ofType(x, DataNodeCommand.Type.DELETE).isEmpty()));

    c.fx.client.setDecommission("dn-" + node, false);
    assertEquals(DataNodeInfo.State.LIVE, state(c, node));
    c.fx.monitor.runOnce();
    long deletes = c.heartbeatAll().stream()
        .mapToLong(x -> ofType(x, DataNodeCommand.Type.DELETE).size()).sum();
    assertEquals(1, deletes, "back in service the block is over-replicated by one");
  }

  @Test
  void tooSmallAClusterKeepsTheNodeDecommissioning() throws IOException {
    HealthCluster c = new HealthCluster(3);
    LocatedBlock lb = c.writeFile("/small", (short) 3);
    int node = index(lb.getLocations().get(0));
    c.fx.client.setDecommission("dn-" + node, true);
    for (int i = 0; i < 3; i++) {
      c.fx.monitor.runOnce();
      c.heartbeatAll();
    }
    // Two other nodes cannot hold three replicas: the node must not retire.
    assertEquals(DataNodeInfo.State.DECOMMISSIONING, state(c, node));
    assertEquals(3, c.fx.client.getBlockLocations("/small", 0, 100).getBlocks().get(0)
        .getLocations().size(), "the decommissioning replica stays readable");
  }

  @Test
  void decommissionedNodeGetsNoNewBlocks() throws IOException {
    HealthCluster c = new HealthCluster(3);
    c.fx.client.setDecommission("dn-0", true);
    long id = c.fx.client.create("/n", (short) 0644, "c", false, true, (short) 3, 1024)
        .getFileId();
    LocatedBlock lb = c.fx.client.addBlock("/n", id, "c", null, List.of(), "127.0.0.1");
    assertEquals(2, lb.getLocations().size());
    assertTrue(lb.getLocations().stream().noneMatch(d -> d.getUuid().equals("dn-0")));
  }

  @Test
  void onlyTheSuperuserDecommissionsAndUnknownNodesAreNamed() throws Exception {
    HealthCluster c = new HealthCluster(1);
    UserGroupInformation bob = UserGroupInformation.createUserForTesting("bob",
        new String[] {"users"});
    assertThrows(AccessControlException.class, () -> bob.doAs(
        (PrivilegedExceptionAction<Void>) () -> {
          c.fx.client.setDecommission("dn-0", true);
          return null;
        }));
    UnknownDataNodeException e = assertThrows(UnknownDataNodeException.class,
        () -> c.fx.client.setDecommission("nowhere:1", true));
    assertTrue(e.getMessage().contains("nowhere:1"), e.getMessage());
  }
}
