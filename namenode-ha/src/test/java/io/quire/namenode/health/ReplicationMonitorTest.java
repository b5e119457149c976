package io.quire.namenode.health;

import static io.quire.namenode.health.HealthCluster.index;
import static io.quire.namenode.health.HealthCluster.ofType;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.blocks.ReplicaCounts;
import io.quire.namenode.blocks.ReplicationQueues;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Queue-driven re-replication: priorities, pending transfers, timeouts, trimming. */
class ReplicationMonitorTest {

  @Test
  void priorityLevelsFollowHdfsOrder() {
    assertEquals(-1, ReplicationQueues.levelFor(new ReplicaCounts(3, 0, 0), 3));
    assertEquals(ReplicationQueues.HIGHEST, ReplicationQueues.levelFor(
        new ReplicaCounts(1, 0, 0), 3));
    assertEquals(ReplicationQueues.HIGHEST, ReplicationQueues.levelFor(
        new ReplicaCounts(0, 2, 0), 3));
    assertEquals(ReplicationQueues.VERY_LOW, ReplicationQueues.levelFor(
        new ReplicaCounts(2, 0, 0), 10));
    assertEquals(ReplicationQueues.LOW, ReplicationQueues.levelFor(
        new ReplicaCounts(2, 0, 0), 3));
    assertEquals(ReplicationQueues.NO_GOOD_REPLICA, ReplicationQueues.levelFor(
        new ReplicaCounts(0, 0, 1), 3));
  }

  @Test
  void mostUrgentBlockIsServedFirst() throws IOException {
    HealthCluster c = new HealthCluster(3);
    LocatedBlock low = c.writeFile("/low", (short) 3);
    LocatedBlock urgent = c.writeFile("/urgent", (short) 2);
    // Losing one holder of each: /urgent keeps one replica (HIGHEST), /low keeps two (LOW).
    Set<Integer> lowHolders = new HashSet<>();
    low.getLocations().forEach(d -> lowHolders.add(index(d)));
    int victim = -1;
    for (DataNodeInfo d : urgent.getLocations()) {
      if (lowHolders.contains(index(d))) {
        victim = index(d);
      }
    }
    assumeVictim(victim);
    // Safe mode: the dead node is detected and queued, but nothing is scheduled away.
    c.fx.client.setSafeMode(io.quire.protocol.types.SafeModeAction.ENTER);
    c.kill(victim);
    var queues = c.fx.ns.getBlockManager().getReplication().queues();
    var order = c.fx.ns.read(() -> queues.inPriorityOrder(10));
    assertEquals(urgent.getBlock().getBlockId(), order.get(0).getBlockId(), order.toString());
  }

  private static void assumeVictim(int victim) {
    org.junit.jupiter.api.Assumptions.assumeTrue(victim >= 0,
        "the two pipelines share no node");
  }

  @Test
  void deadNodeBlocksAreCopiedAndPendingClearsWhenTheTargetReports() throws IOException {
    HealthCluster c = new HealthCluster(4);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    int dead = index(lb.getLocations().get(0));
    c.kill(dead);
    List<DataNodeCommand> transfers = new ArrayList<>();
    c.heartbeatAll().forEach(cmds -> transfers.addAll(ofType(cmds,
        DataNodeCommand.Type.TRANSFER)));
    assertEquals(1, transfers.size(), transfers.toString());
    DataNodeInfo target = transfers.get(0).getTargets().get(0).get(0);
    assertTrue(lb.getLocations().stream().noneMatch(d -> d.getUuid().equals(target.getUuid())));
    assertEquals(1, c.fx.client.getClusterHealth().getPendingReplicationBlocks());
    assertEquals(0, c.fx.client.getStats().getUnderReplicatedBlocks(),
        "a block with a transfer in flight is not queued again");
    c.completeTransfer(transfers.get(0));
    assertEquals(0, c.fx.client.getClusterHealth().getPendingReplicationBlocks());
    assertEquals(3, c.fx.client.getBlockLocations("/f", 0, 100).getBlocks().get(0)
        .getLocations().stream().filter(d -> d.getState() != DataNodeInfo.State.DEAD).count());
  }

  @Test
  void unconfirmedTransferTimesOutAndIsRetried() throws IOException {
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setLong("quire.namenode.replication.pending.timeout.ms", 10_000);
    HealthCluster c = new HealthCluster(4, conf);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    c.kill(index(lb.getLocations().get(0)));
    long first = c.heartbeatAll().stream()
        .mapToLong(cmds -> ofType(cmds, DataNodeCommand.Type.TRANSFER).size()).sum();
    assertEquals(1, first);
    c.fx.monitor.runOnce();
    assertEquals(0, c.heartbeatAll().stream()
        .mapToLong(cmds -> ofType(cmds, DataNodeCommand.Type.TRANSFER).size()).sum(),
        "no second transfer while the first is pending");
    c.fx.clock.addAndGet(11_000);
    c.heartbeatAll();
    c.fx.monitor.runOnce();
    assertEquals(1, c.heartbeatAll().stream()
        .mapToLong(cmds -> ofType(cmds, DataNodeCommand.Type.TRANSFER).size()).sum(),
        "retried after the pending timeout");
  }

  @Test
  void sourceNodeGetsAtMostMaxStreamsTransfers() throws IOException {
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setInt("quire.namenode.replication.max-streams", 1);
    conf.setInt("quire.namenode.replication.max-streams-hard-limit", 1);
    HealthCluster c = new HealthCluster(2, conf);
    for (int i = 0; i < 3; i++) {
      c.writeFile("/f" + i, (short) 1);
    }
    // Every file lives on one node; raising replication needs copies from that node.
    for (int i = 0; i < 3; i++) {
      c.fx.client.setReplication("/f" + i, (short) 2);
    }
    c.fx.monitor.runOnce();
    List<List<DataNodeCommand>> cmds = c.heartbeatAll();
    for (List<DataNodeCommand> perNode : cmds) {
      assertTrue(ofType(perNode, DataNodeCommand.Type.TRANSFER).size() <= 1, perNode.toString());
    }
  }

  @Test
  void setReplicationDownTrimsAndUpRestores() throws IOException {
    HealthCluster c = new HealthCluster(4);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    assertTrue(c.fx.client.setReplication("/f", (short) 1));
    c.fx.monitor.runOnce();
    List<List<DataNodeCommand>> cmds = c.heartbeatAll();
    int deletes = 0;
    for (int i = 0; i < cmds.size(); i++) {
      for (DataNodeCommand d : ofType(cmds.get(i), DataNodeCommand.Type.DELETE)) {
        deletes++;
        c.completeDelete(i, d);
      }
    }
    assertEquals(2, deletes, "3 -> 1 deletes two replicas, never the last");
    assertEquals(1, c.fx.client.getBlockHealth("/f").getBlocks().get(0).getLiveReplicas().size());

    assertTrue(c.fx.client.setReplication("/f", (short) 3));
    c.fx.monitor.runOnce();
    List<DataNodeCommand> transfers = new ArrayList<>();
    c.heartbeatAll().forEach(x -> transfers.addAll(ofType(x, DataNodeCommand.Type.TRANSFER)));
    assertEquals(1, transfers.size());
    assertEquals(2, transfers.get(0).getTargets().get(0).size());
    c.completeTransfer(transfers.get(0));
    var health = c.fx.client.getBlockHealth("/f").getBlocks().get(0);
    assertEquals(3, health.getLiveReplicas().size());
    assertEquals(io.quire.protocol.types.BlockHealth.Status.HEALTHY, health.getStatus());
    assertEquals(lb.getBlock().getBlockId(), health.getBlock().getBlockId());
  }

  @Test
  void safeModeSchedulesNoWork() throws IOException {
    HealthCluster c = new HealthCluster(4);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    long before = c.fx.ns.getReplication().getScheduledWorkCount();
    c.fx.client.setSafeMode(io.quire.protocol.types.SafeModeAction.ENTER);
    c.kill(index(lb.getLocations().get(0)));
    c.fx.monitor.runOnce();
    assertEquals(before, c.fx.ns.getReplication().getScheduledWorkCount());
    assertTrue(c.heartbeatAll().stream().allMatch(List::isEmpty));
    c.fx.client.setSafeMode(io.quire.protocol.types.SafeModeAction.LEAVE);
    c.fx.monitor.runOnce();
    assertTrue(c.fx.ns.getReplication().getScheduledWorkCount() > before);
  }

  @Test
  void blockThatCannotBeScheduledMovesBehindOthers() {
    ReplicationQueues q = new ReplicationQueues();
    var a = new io.quire.namenode.blocks.BlockInfo(1, 1, 0,
        io.quire.namenode.blocks.BlockState.COMPLETE);
    var b = new io.quire.namenode.blocks.BlockInfo(2, 1, 0,
        io.quire.namenode.blocks.BlockState.COMPLETE);
    var urgent = new io.quire.namenode.blocks.BlockInfo(3, 1, 0,
        io.quire.namenode.blocks.BlockState.COMPLETE);
    q.update(a, ReplicationQueues.LOW);
    q.update(b, ReplicationQueues.LOW);
    q.update(urgent, ReplicationQueues.HIGHEST);
    assertEquals(List.of(urgent, a, b), q.inPriorityOrder(10));
    q.moveToBack(a);
    assertEquals(List.of(urgent, b, a), q.inPriorityOrder(10));
    assertEquals(List.of(urgent, b), q.inPriorityOrder(2));
    assertEquals(3, q.underReplicatedCount());
    q.remove(b);
    assertEquals(-1, q.levelOf(b));
  }

  @Test
  void onlyTheSuperuserChangesSafeMode() throws Exception {
    HealthCluster c = new HealthCluster(1);
    var bob = org.apache.hadoop.security.UserGroupInformation.createUserForTesting("bob",
        new String[] {"users"});
    for (var action : List.of(io.quire.protocol.types.SafeModeAction.ENTER,
        io.quire.protocol.types.SafeModeAction.LEAVE)) {
      assertThrows(org.apache.hadoop.security.AccessControlException.class, () -> bob.doAs(
          (java.security.PrivilegedExceptionAction<Boolean>) () ->
              c.fx.client.setSafeMode(action)));
    }
    assertFalse(bob.doAs((java.security.PrivilegedExceptionAction<Boolean>) () ->
        c.fx.client.setSafeMode(io.quire.protocol.types.SafeModeAction.GET)));
  }
}
