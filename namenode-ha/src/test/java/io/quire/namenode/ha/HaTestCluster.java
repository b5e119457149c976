package io.quire.namenode.ha;

import static org.awaitility.Awaitility.await;

import io.quire.namenode.NameNode;
import io.quire.namenode.NameNodeFormat;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import io.quire.testing.Timing;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * NameNodes of one nameservice in this JVM (no DataNodes) on a shared test ZooKeeper, for the
 * HA state machine's tests: fixed free ports per NameNode, storage under a test directory.
 */
final class HaTestCluster implements Closeable {
  static final Duration WAIT = Timing.seconds(60);
  final Configuration conf;
  final List<String> ids = new ArrayList<>();
  final NameNode[] nameNodes;
  private final Path dir;
  private final List<Object> proxies = new ArrayList<>();

  HaTestCluster(TestingServer zk, Path dir, String ns, int n) throws IOException {
    this.dir = dir;
    this.nameNodes = new NameNode[n];
    conf = new Configuration(false);
    conf.set("quire.nameservices", ns);
    for (int i = 0; i < n; i++) {
      String id = "nn" + (i + 1);
      ids.add(id);
      conf.set("quire.namenode.rpc-address." + ns + "." + id, "127.0.0.1:" + freePort());
      conf.set("quire.namenode.http-address." + ns + "." + id, "127.0.0.1:" + freePort());
    }
    conf.set("quire.namenode.ids." + ns, String.join(",", ids));
    conf.set("quire.ha.zookeeper.quorum", zk.getConnectString());
    conf.setInt("quire.ha.zookeeper.session-timeout.ms", 2000);
    conf.set("quire.ha.zookeeper.parent-znode", "/quire-test");
    conf.setLong("quire.ha.tail.max-wait.ms", 200);
    conf.setLong("quire.namenode.min-block-size", 0);
    conf.setLong("quire.namenode.safemode.extension.ms", 0);
    conf.setLong("quire.heartbeat.interval.ms", 100);
    conf.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY, 0);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Configuration confOf(int i) {
    Configuration c = new Configuration(conf);
    c.set(QuireConfigKeys.NAMENODE_ID_KEY, ids.get(i));
    c.set("quire.namenode.name.dir", dir.resolve(ids.get(i)).toString());
    return c;
  }

  void format() throws IOException {
    NameNode.format(confOf(0), false);
  }

  void bootstrap(int i) throws IOException {
    NameNodeFormat.bootstrapStandby(confOf(i), false);
  }

  NameNode start(int i) {
    NameNode nn = new NameNode();
    nn.init(confOf(i));
    nn.start();
    nameNodes[i] = nn;
    return nn;
  }

  void stop(int i) {
    if (nameNodes[i] != null) {
      nameNodes[i].stop();
      nameNodes[i] = null;
    }
  }

  HaState state(int i) {
    return nameNodes[i].getNamesystem().getHaGate().state();
  }

  void awaitState(int i, HaState s) {
    await("NameNode " + ids.get(i) + " " + s).atMost(WAIT).pollInterval(Duration.ofMillis(20))
        .until(() -> nameNodes[i] != null && nameNodes[i].getHaController() != null
            && !nameNodes[i].getHaController().isReloading() && state(i) == s);
  }

  /** Waits until exactly one running NameNode is active; returns its index. */
  int awaitActive() {
    int[] found = {-1};
    await("one active NameNode").atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
      int active = -1;
      for (int i = 0; i < nameNodes.length; i++) {
        if (nameNodes[i] != null && nameNodes[i].getHaController() != null
            && state(i) == HaState.ACTIVE) {
          if (active >= 0) {
            return false;
          }
          active = i;
        }
      }
      found[0] = active;
      return active >= 0;
    });
    return found[0];
  }

  InetSocketAddress rpcAddress(int i) {
    return org.apache.hadoop.net.NetUtils.createSocketAddr(
        conf.get("quire.namenode.rpc-address." + conf.get("quire.nameservices") + "."
            + ids.get(i)));
  }

  ClientProtocol client(int i) throws IOException {
    ClientProtocol p = QuireRpc.createClientProxy(new Configuration(conf), rpcAddress(i),
        UserGroupInformation.getCurrentUser());
    proxies.add(p);
    return p;
  }

  HaAdminProtocol admin(int i) throws IOException {
    HaAdminProtocol p = QuireRpc.createHaAdminProxy(new Configuration(conf), rpcAddress(i),
        UserGroupInformation.getCurrentUser());
    proxies.add(p);
    return p;
  }

  @Override public void close() {
    proxies.forEach(QuireRpc::stopProxy);
    for (int i = 0; i < nameNodes.length; i++) {
      stop(i);
    }
  }
}
