package io.quire.datanode.nnactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.datanode.testing.FakeNameNode;
import io.quire.testing.Timing;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A DataNode configured with an active and a standby NameNode talks to both. */
class MultipleNameNodesTest {
  private static final Duration WAIT = Timing.seconds(15);
  private DataNode dn;

  @AfterEach
  void tearDown() {
    if (dn != null) {
      dn.stop();
    }
  }

  @Test
  void reportsToEveryNameNodeAndIgnoresTheStandbysRefusal() throws IOException {
    FakeNameNode active = new FakeNameNode("test-cluster");
    FakeNameNode standby = new FakeNameNode("test-cluster");
    standby.setStandby(true);
    DataNodeHarness h = new DataNodeHarness("MultipleNameNodes");
    Configuration conf = h.conf(0);
    conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "nn1.example:8020,nn2.example:8020");
    dn = new DataNode(new NameNodeConnector() {
      @Override public DataNodeProtocol connect(Configuration c, InetSocketAddress a) {
        return a.getHostString().startsWith("nn1") ? active : standby;
      }

      @Override public void close(DataNodeProtocol proxy) {}
    });
    dn.init(conf);
    dn.start();
    assertEquals(2, dn.getNameNodeActors().getActors().size());
    await().atMost(WAIT).until(() -> active.reports.get() >= 1 && standby.reports.get() >= 1);

    Block b = new Block(800, 1, 0);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), b, new byte[3000]);
    for (FakeNameNode nn : List.of(active, standby)) {
      await().atMost(WAIT).until(() -> nn.receivedOf(800).stream()
          .anyMatch(r -> r.getState() == ReplicaState.FINALIZED));
    }

    Block open = new Block(801, 1, 0);
    try (BlockClient c = new BlockClient(dn.getDataNodeId())) {
      c.openWrite(open, List.of(), BlockConstructionStage.CREATE, 1);
      c.sendPacket(0, new byte[2000], 0, 2000, false);
      PipelineAck.read(c.in);
    }
    active.queueCommand(dn.getDataNodeUuid(), new DataNodeCommand(DataNodeCommand.Type.RECOVER,
        // Lease recovery: no cap on the agreed length (the NameNode's convention).
        List.of(open.withNumBytes(Long.MAX_VALUE)),
        List.of(List.of(DataNodeInfo.ofId(dn.getDataNodeId()))), 5));
    await().atMost(WAIT).until(() -> !active.commits.isEmpty());
    assertEquals(2000, active.commits.get(0).newLength());
    assertTrue(standby.commits.isEmpty());
    assertEquals(ReplicaState.FINALIZED, dn.getFsDataset().getReplica(801).getState());
    h.close();
  }

  @Test
  void onlyTheActiveWithTheHighestEpochCommands() throws IOException {
    FakeNameNode old = new FakeNameNode("test-cluster");
    FakeNameNode current = new FakeNameNode("test-cluster");
    DataNodeHarness h = new DataNodeHarness("HighestEpoch");
    Configuration conf = h.conf(0);
    conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "nn1.example:8020,nn2.example:8020");
    dn = new DataNode(new NameNodeConnector() {
      @Override public DataNodeProtocol connect(Configuration c, InetSocketAddress a) {
        return a.getHostString().startsWith("nn1") ? old : current;
      }

      @Override public void close(DataNodeProtocol proxy) {}
    });
    dn.init(conf);
    dn.start();
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), new Block(900, 1, 0), new byte[100]);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), new Block(901, 1, 0), new byte[100]);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), new Block(902, 1, 0), new byte[100]);
    await().atMost(WAIT).until(() -> current.receivedOf(902).size() >= 1);

    // Both claim to be active; the newer epoch wins once it has been heard.
    old.setEpoch(3);
    current.setEpoch(4);
    current.queueCommand(dn.getDataNodeUuid(),
        DataNodeCommand.delete(List.of(new Block(900, 1, 100))));
    await().atMost(WAIT).until(() -> dn.getFsDataset().getReplica(900) == null);
    old.queueCommand(dn.getDataNodeUuid(), DataNodeCommand.delete(List.of(new Block(901, 1, 100))));
    await().atMost(WAIT).until(() -> old.commandsSent.get() >= 1);
    dn.getNameNodeActors().triggerHeartbeat();
    await().atMost(WAIT).until(() -> old.heartbeats.get() >= 3);
    assertTrue(dn.getFsDataset().getReplica(901) != null, "the deposed active deleted a replica");

    // A standby's commands are ignored too.
    current.setStandby(true);
    current.queueCommand(dn.getDataNodeUuid(),
        DataNodeCommand.delete(List.of(new Block(902, 1, 100))));
    await().atMost(WAIT).until(() -> current.commandsSent.get() >= 2);
    int beats = current.heartbeats.get();
    await().atMost(WAIT).until(() -> current.heartbeats.get() >= beats + 2);
    assertTrue(dn.getFsDataset().getReplica(902) != null, "a standby deleted a replica");
    h.close();
  }
}
