package io.quire.minicluster;

import io.quire.namenode.NameNode;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HaStatus;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNodes of a {@link MiniQuireCluster}, by index: their slots (ports and storage kept
 * across restarts), start in this JVM or forked, stop, kill, pause, and the RPC probes that
 * ask one of them for its HA state. Not thread-safe: the cluster calls it under its lock.
 */
final class NameNodeHandles {
  private static final Logger LOG = LoggerFactory.getLogger(NameNodeHandles.class);

  /** The cluster's configuration: a single NameNode's start sets its RPC address there. */
  private final Configuration conf;
  private final boolean fork;
  private final List<NameNodeSlot> slots = new ArrayList<>();

  NameNodeHandles(Configuration conf, boolean fork) {
    this.conf = conf;
    this.fork = fork;
  }

  boolean forked() {
    return fork;
  }

  void add(NameNodeSlot s) {
    slots.add(s);
  }

  NameNodeSlot slot(int i) {
    return slots.get(i);
  }

  int size() {
    return slots.size();
  }

  /** Whether the NameNodes form a nameservice (each has an id). */
  boolean isNameservice() {
    return !slots.isEmpty() && slots.get(0).id != null;
  }

  /** The configuration NameNode {@code s} runs with. */
  Configuration nameNodeConf(NameNodeSlot s) {
    Configuration c = new Configuration(conf);
    c.set(NameNodeConfigKeys.NAME_DIR_KEY, s.nameDir.getAbsolutePath());
    if (s.id == null) {
      c.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + s.rpcPort);
      // in-process: any free port at each start; forked: the one fixed for it. Never the
      // configuration's: conf/quire-site.xml on a script's class path names a fixed port.
      c.set(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY,
          "localhost:" + (fork ? s.httpPort : 0));
    } else {
      c.set(QuireConfigKeys.NAMENODE_ID_KEY, s.id);
    }
    return c;
  }

  /** Starts NameNode {@code i} (again) on its port and storage. */
  void start(int i) {
    NameNodeSlot s = slots.get(i);
    if (s.isRunning()) {
      throw new IllegalStateException("NameNode " + i + " already running");
    }
    Configuration c = nameNodeConf(s);
    if (fork) {
      try {
        s.forked = ForkedDaemon.startNameNode(s.writeConf(c), s.log());
      } catch (Exception e) {
        throw new IllegalStateException("start forked NameNode " + s.id + ": " + e, e);
      }
    } else {
      NameNode nn = new NameNode();
      nn.init(c);
      nn.start();
      s.nameNode = nn;
      s.rpcPort = nn.getRpcAddress().getPort();
      s.httpPort = nn.getHttpAddress().getPort();
      LOG.info("Mini cluster NameNode {} at localhost:{}", s.id == null ? "" : s.id, s.rpcPort);
    }
    if (!isNameservice()) {
      conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + s.rpcPort);
    }
  }

  /** Stops NameNode {@code i} (an in-process one cleanly, a forked one with SIGKILL). */
  void stop(int i) {
    NameNodeSlot s = slots.get(i);
    if (s.nameNode != null) {
      s.nameNode.stop();
      s.nameNode = null;
    }
    if (s.forked != null) {
      s.forked.stop(false);
      s.forked = null;
    }
  }

  void kill(int i) throws InterruptedException {
    forkedDaemon(i).kill();
    slots.get(i).forked = null;
  }

  /** The process of forked NameNode {@code i}; IllegalStateException when there is none. */
  ForkedDaemon forkedDaemon(int i) {
    ForkedDaemon f = slots.get(i).forked;
    if (f == null) {
      throw new IllegalStateException("NameNode " + i + " is not a running forked NameNode"
          + " (build the cluster with forkNameNodes(true))");
    }
    return f;
  }

  /** Index of the NameNode that says it is active right now, or -1. */
  int findActive() {
    for (int i = 0; i < slots.size(); i++) {
      if (!slots.get(i).isRunning()) {
        continue;
      }
      try {
        if (status(i).state() == HaState.ACTIVE) {
          return i;
        }
      } catch (IOException | RuntimeException e) {
        // not answering (starting, stopped, frozen)
      }
    }
    return -1;
  }

  /** HA status of NameNode {@code i} over RPC; one that does not answer within 2 s fails. */
  HaStatus status(int i) throws IOException {
    HaAdminProtocol p = QuireRpc.createHaAdminProxy(quickConf(), address(i),
        UserGroupInformation.getCurrentUser());
    try {
      return p.getHaStatus();
    } finally {
      QuireRpc.stopProxy(p);
    }
  }

  /** A plain ClientProtocol proxy to NameNode {@code i} with a 2 s answer timeout. */
  ClientProtocol directClient(int i) throws IOException {
    return QuireRpc.createClientProxy(quickConf(), address(i),
        UserGroupInformation.getCurrentUser());
  }

  /** HA administration of NameNode {@code i} with the cluster's client settings. */
  HaAdminProtocol haAdmin(int i) throws IOException {
    return QuireRpc.createHaAdminProxy(new Configuration(conf), address(i),
        UserGroupInformation.getCurrentUser());
  }

  /** Client settings for probing one NameNode: no connect retries, a 2 s answer timeout. */
  private Configuration quickConf() {
    Configuration c = new Configuration(conf);
    c.setInt("ipc.client.connect.max.retries", 0);
    c.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    c.setInt("ipc.client.rpc-timeout.ms", 2000);
    return c;
  }

  InetSocketAddress address(int i) {
    return new InetSocketAddress("localhost", slots.get(i).rpcPort);
  }

  /** The bound HTTP address while it runs in this JVM, else the one it was given. */
  InetSocketAddress httpAddress(int i) {
    NameNodeSlot s = slots.get(i);
    return s.nameNode != null ? new InetSocketAddress("localhost",
        s.nameNode.getHttpAddress().getPort()) : new InetSocketAddress("localhost", s.httpPort);
  }

  /** A new single-NameNode slot with storage under {@code baseDir}. */
  static NameNodeSlot single(File baseDir) {
    return new NameNodeSlot(0, null, new File(baseDir, "name"));
  }
}
