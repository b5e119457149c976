package io.quire.minicluster;

import io.quire.namenode.NameNode;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.NameNodeFormat;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.ha.Nameservice;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * Sets up the HA nameservice {@value MiniQuireCluster#NAMESERVICE} of a mini cluster: an
 * embedded ZooKeeper (1 or 3 servers) under {@code <base>/zookeeper}, the nameservice's keys in
 * the cluster's configuration (ids {@code nn0..}, fixed free RPC and HTTP ports), then the first
 * NameNode formatted and started until active, the others bootstrapped as standbys and started.
 * The shared journal lives in that ZooKeeper.
 */
final class NameserviceSetup {
  private NameserviceSetup() {}

  /**
   * Starts ZooKeeper and {@code n} NameNodes into {@code nameNodes}. The ZooKeeper goes to
   * {@code started} as soon as it runs, so the caller can stop it even when a later step fails.
   */
  static void start(Configuration conf, File baseDir, NameNodeHandles nameNodes, int n,
      int zkServers, boolean format, Consumer<ZooKeeperHarness> started) throws IOException {
    ZooKeeperHarness zooKeeper;
    try {
      zooKeeper = ZooKeeperHarness.start(new File(baseDir, "zookeeper"), zkServers);
    } catch (Exception e) {
      throw new IOException("mini cluster: cannot start ZooKeeper: " + e, e);
    }
    started.accept(zooKeeper);
    String ns = MiniQuireCluster.NAMESERVICE;
    conf.set(QuireConfigKeys.NAMESERVICES_KEY, ns);
    conf.set(NameNodeConfigKeys.HA_ZK_QUORUM_KEY, zooKeeper.connectString());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NameNodeSlot s = new NameNodeSlot(i, "nn" + i, new File(baseDir, "nn" + i + "/name"));
      s.nameDir.getParentFile().mkdirs();
      s.rpcPort = FreePorts.freePort();
      s.httpPort = FreePorts.freePort();
      nameNodes.add(s);
      ids.add(s.id);
      conf.set(Nameservice.rpcAddressKey(ns, s.id), "localhost:" + s.rpcPort);
      conf.set(Nameservice.httpAddressKey(ns, s.id), "localhost:" + s.httpPort);
    }
    conf.set(QuireConfigKeys.NAMENODE_IDS_PREFIX + ns, String.join(",", ids));
    if (format) {
      NameNode.format(nameNodes.nameNodeConf(nameNodes.slot(0)), true);
    }
    nameNodes.start(0);
    ClusterWaits.forActiveNameNode(nameNodes);
    for (int i = 1; i < n; i++) {
      if (format) {
        NameNodeFormat.bootstrapStandby(nameNodes.nameNodeConf(nameNodes.slot(i)), true);
      }
      nameNodes.start(i);
    }
  }
}
