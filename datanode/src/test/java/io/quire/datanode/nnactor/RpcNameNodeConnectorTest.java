package io.quire.datanode.nnactor;

import io.quire.testing.Timing;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A DataNode with the production connector against a real Hadoop IPC server. */
class RpcNameNodeConnectorTest {
  private static final Duration WAIT = Timing.seconds(20);
  private RPC.Server server;
  private DataNode dn;
  private DataNodeHarness h;

  @AfterEach
  void tearDown() throws IOException {
    if (dn != null) {
      dn.stop();
    }
    if (server != null) {
      server.stop();
    }
    if (h != null) {
      h.close();
    }
  }

  @Test
  void registersReportsAndFollowsCommandsOverIpc() throws IOException {
    h = new DataNodeHarness("RpcConnector");
    Configuration conf = h.conf(0);
    ClientProtocol noClient = (ClientProtocol) Proxy.newProxyInstance(
        ClientProtocol.class.getClassLoader(), new Class<?>[] {ClientProtocol.class},
        (p, m, a) -> {
          throw new IOException("no client protocol in this test");
        });
    HaAdminProtocol noHa = (HaAdminProtocol) Proxy.newProxyInstance(
        HaAdminProtocol.class.getClassLoader(), new Class<?>[] {HaAdminProtocol.class},
        (p, m, a) -> {
          throw new IOException("no HA admin protocol in this test");
        });
    server = QuireRpc.createNameNodeServer(conf, "127.0.0.1", 0, 2, noClient, h.nn, noHa);
    server.start();
    InetSocketAddress addr = server.getListenerAddress();
    conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "127.0.0.1:" + addr.getPort());
    dn = new DataNode();
    dn.init(conf);
    dn.start();
    await().atMost(WAIT).until(() -> h.nn.reports.get() >= 1 && h.nn.heartbeats.get() >= 2);
    assertEquals(dn.getDataNodeUuid(), h.nn.registrations.get(0).getId().getUuid());

    Block b = new Block(42, 1, 0);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), b, new byte[1234]);
    await().atMost(WAIT).until(() -> h.nn.receivedOf(42).stream()
        .anyMatch(r -> r.getState() == ReplicaState.FINALIZED));

    // UnregisteredNodeException travels over IPC and triggers a new registration
    int regs = h.nn.registrations.size();
    h.nn.forgetAll();
    await().atMost(WAIT).until(() -> h.nn.registrations.size() > regs);

    h.nn.queueCommand(dn.getDataNodeUuid(), DataNodeCommand.delete(List.of(b)));
    await().atMost(WAIT).until(() -> h.nn.deleted.stream().anyMatch(d -> d.getBlockId() == 42));
    assertTrue(dn.getBlockFile(42) == null);
  }
}
