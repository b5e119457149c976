package io.quire.bench;

import io.quire.admin.AdminTool;
import io.quire.admin.HaTool;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;

/**
 * Quire's HA nameservice for the HA benchmark: a {@link MiniQuireCluster} of two NameNodes (in
 * this JVM, or in JVMs of their own so {@link #crashActive} is a real SIGKILL) sharing their log
 * in an embedded ZooKeeper of one or three servers, three DataNodes, replication 3, clients on
 * quire://minins/. The settings the mini cluster would shorten for tests are set to the shipped
 * defaults: ZooKeeper session 6 s, tail wait 1 s, DataNode heartbeat 3 s, Hadoop's IPC connect
 * retries. A planned failover is {@code quire admin ha failover} ({@link HaTool}). Clients get
 * the cluster's configuration plus {@code clientConf}.
 */
final class QuireHaCluster implements HaCluster {
  private final MiniQuireCluster cluster;
  private final Map<String, String> clientConf;
  private int crashed = -1;

  QuireHaCluster(File baseDir, int zooKeeperServers, boolean forkNameNodes,
      Map<String, String> clientConf) throws IOException {
    this.clientConf = clientConf;
    Configuration conf = new Configuration();
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 3);
    conf.setInt(NameNodeConfigKeys.HA_ZK_SESSION_TIMEOUT_KEY,
        NameNodeConfigKeys.HA_ZK_SESSION_TIMEOUT_DEFAULT);
    conf.setLong(NameNodeConfigKeys.HA_TAIL_MAX_WAIT_KEY,
        NameNodeConfigKeys.HA_TAIL_MAX_WAIT_DEFAULT);
    conf.setLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY,
        QuireConfigKeys.HEARTBEAT_INTERVAL_DEFAULT);
    conf.setInt("ipc.client.connect.max.retries", 10);
    conf.setInt("ipc.client.connect.retry.interval", 1000);
    cluster = MiniQuireCluster.builder(conf).nameNodes(2).numDataNodes(3)
        .zooKeeperServers(zooKeeperServers).forkNameNodes(forkNameNodes).baseDir(baseDir)
        .build();
  }

  @Override public String name() {
    return "quire-ha";
  }

  @Override public FileSystem newClient() throws IOException {
    Configuration c = cluster.getConfiguration();
    clientConf.forEach(c::set);
    return FileSystem.newInstance(cluster.getURI(), c);
  }

  @Override public void plannedFailover() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
    int rc = ToolRunner.run(cluster.getConfiguration(), new HaTool(p, p),
        new String[] {"failover"});
    if (rc != AdminTool.EXIT_OK) {
      throw new IOException("quire admin ha failover exited " + rc + ": "
          + out.toString(StandardCharsets.UTF_8));
    }
  }

  /** SIGKILL of the active NameNode (forked NameNodes only); returns once it is dead. */
  @Override public void crashActive() throws InterruptedException {
    crashed = cluster.waitForActiveNameNode();
    cluster.killNameNode(crashed);
  }

  /** Waits until the other NameNode says it is active (polled every 20 ms). */
  @Override public void awaitTakeover() {
    int now = cluster.waitForActiveNameNode();
    if (now == crashed) {
      throw new IllegalStateException("nn" + crashed + " was killed but still says active");
    }
  }

  @Override public void close() {
    cluster.close();
  }
}
