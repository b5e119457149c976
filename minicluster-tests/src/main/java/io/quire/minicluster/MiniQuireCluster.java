package io.quire.minicluster;

import io.quire.datanode.DataNode;
import io.quire.namenode.NameNode;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.types.HaStatus;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Quire cluster for tests and tools: one NameNode, or an HA nameservice of 2-3
 * NameNodes on an embedded ZooKeeper (one server or an ensemble of three), and N DataNodes;
 * storage under a given directory, every port chosen free, every node stoppable and
 * restartable. NameNodes and DataNodes may run in processes of their own
 * ({@link MiniQuireClusterBuilder#forkNameNodes}, {@link MiniQuireClusterBuilder#forkDataNodes}),
 * so a test can SIGKILL or SIGSTOP them.
 *
 * <pre>{@code
 * try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
 *     .numDataNodes(3).build()) {
 *   FileSystem fs = cluster.getFileSystem();
 *   ...
 * }
 * try (MiniQuireCluster ha = MiniQuireCluster.builder(new Configuration())
 *     .nameNodes(2).numDataNodes(3).build()) {   // quire://minins/
 *   ha.stopNameNode(ha.getActiveNameNodeIndex());
 *   ha.waitActive();
 * }
 * }</pre>
 *
 * The work is done by one class per concern: {@link MiniQuireClusterBuilder} (options and test
 * defaults), {@link NameNodeHandles} and {@link DataNodeHandles} (the nodes by index),
 * {@link NameserviceSetup} (ZooKeeper and the HA nameservice), {@link ClusterWaits} (what the
 * cluster waits for), {@link ClusterClients} (the cached FileSystem and proxies).
 */
public final class MiniQuireCluster implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniQuireCluster.class);
  /** Name of the nameservice of an HA mini cluster. */
  public static final String NAMESERVICE = "minins";

  private final Configuration conf;
  private final File baseDir;
  private final NameNodeHandles nameNodes;
  private final DataNodeHandles dataNodes;
  private final ClusterClients clients = new ClusterClients();
  private ZooKeeperHarness zooKeeper;

  MiniQuireCluster(Configuration conf, File baseDir, boolean forkNameNodes,
      boolean forkDataNodes) {
    this.conf = conf;
    this.baseDir = baseDir;
    this.nameNodes = new NameNodeHandles(conf, forkNameNodes);
    this.dataNodes = new DataNodeHandles(conf, baseDir, forkDataNodes);
  }

  public static MiniQuireClusterBuilder builder(Configuration conf) {
    return new MiniQuireClusterBuilder(conf);
  }

  void start(int numNameNodes, int zkServers, int nameNodePort, int numDataNodes,
      boolean format) throws IOException {
    if (format && baseDir.exists()) {
      FileUtil.fullyDelete(baseDir);
    }
    if (!baseDir.mkdirs() && !baseDir.isDirectory()) {
      throw new IOException("mini cluster: cannot create " + baseDir);
    }
    if (numNameNodes == 1) {
      NameNodeSlot s = NameNodeHandles.single(baseDir);
      // a forked NameNode cannot tell its port back before clients need it: fix one now
      s.rpcPort = nameNodePort == 0 && nameNodes.forked() ? FreePorts.freePort() : nameNodePort;
      s.httpPort = nameNodes.forked() ? FreePorts.freePort() : 0;
      nameNodes.add(s);
      if (format) {
        NameNode.format(nameNodes.nameNodeConf(s), true);
      }
      startNameNode(0);
    } else {
      NameserviceSetup.start(conf, baseDir, nameNodes, numNameNodes, zkServers, format,
          zk -> zooKeeper = zk);
    }
    conf.set(FileSystem.FS_DEFAULT_NAME_KEY, getURI().toString());
    // FileContext (and so YARN job staging) finds AbstractFileSystems only through this key.
    conf.set("fs.AbstractFileSystem.quire.impl", "io.quire.fs.QuireFs");
    for (int i = 0; i < numDataNodes; i++) {
      addDataNode();
    }
    waitActive();
  }

  /** Whether this is an HA cluster (a nameservice of several NameNodes). */
  public boolean isHa() {
    return zooKeeper != null;
  }

  boolean nameNodesForked() {
    return nameNodes.forked();
  }

  // ---- NameNodes -----------------------------------------------------------------------------

  /** Starts the single NameNode (again), on the same port as before if it ran already. */
  public void startNameNode() {
    startNameNode(single());
  }

  /** Starts NameNode {@code i} (again) on its port and storage. */
  public synchronized void startNameNode(int i) {
    nameNodes.start(i);
  }

  /**
   * Stops the single NameNode; its storage is kept for {@link #startNameNode()}. The cached
   * {@link #getClientProtocol()} proxy is dropped (its connection dies with the NameNode).
   */
  public void stopNameNode() {
    stopNameNode(single());
  }

  /** Stops NameNode {@code i} cleanly (a forked one with SIGTERM-free SIGKILL); storage kept. */
  public synchronized void stopNameNode(int i) {
    if (!isHa()) {
      clients.dropDirect();
    }
    nameNodes.stop(i);
  }

  /** SIGKILL of a forked NameNode: no clean close, its ZooKeeper session simply expires. */
  public synchronized void killNameNode(int i) throws InterruptedException {
    nameNodes.kill(i);
  }

  /** SIGSTOP of a forked NameNode. */
  public synchronized void pauseNameNode(int i) throws IOException, InterruptedException {
    nameNodes.forkedDaemon(i).pause();
  }

  /** SIGCONT of a paused forked NameNode. */
  public synchronized void resumeNameNode(int i) throws IOException, InterruptedException {
    nameNodes.forkedDaemon(i).resume();
  }

  /** Process id of a forked NameNode. */
  public synchronized long nameNodePid(int i) {
    return nameNodes.forkedDaemon(i).pid();
  }

  /** Stops and starts the single NameNode, then waits until it is active and out of safe mode. */
  public void restartNameNode() {
    restartNameNode(single());
  }

  public void restartNameNode(int i) {
    stopNameNode(i);
    startNameNode(i);
    waitActive();
  }

  private int single() {
    if (isHa()) {
      throw new IllegalStateException("an HA mini cluster has " + nameNodes.size()
          + " NameNodes: name one by index");
    }
    return 0;
  }

  public int getNumNameNodes() {
    return nameNodes.size();
  }

  // ---- DataNodes -----------------------------------------------------------------------------

  /** Adds and starts a new DataNode; returns its index. */
  public synchronized int addDataNode() {
    return dataNodes.add();
  }

  /** Starts a stopped DataNode on its old storage and port. */
  public synchronized void startDataNode(int index) {
    dataNodes.start(index);
  }

  /** Stops a DataNode cleanly (a forked one with SIGTERM); its storage is kept. */
  public synchronized void stopDataNode(int index) {
    dataNodes.stop(index, true);
  }

  /** SIGKILL of a forked DataNode: no clean close; returns once the process is gone. */
  public synchronized void killDataNode(int index) throws InterruptedException {
    dataNodes.kill(index);
  }

  /** SIGSTOP of a forked DataNode. */
  public synchronized void pauseDataNode(int index) throws IOException, InterruptedException {
    dataNodes.forkedDaemon(index).pause();
  }

  /** SIGCONT of a paused forked DataNode. */
  public synchronized void resumeDataNode(int index) throws IOException, InterruptedException {
    dataNodes.forkedDaemon(index).resume();
  }

  /** Whether DataNode {@code index} runs (in this JVM, or its forked process is alive). */
  public synchronized boolean isDataNodeRunning(int index) {
    return dataNodes.isRunning(index);
  }

  /** Process id of a forked DataNode. */
  public synchronized long dataNodePid(int index) {
    return dataNodes.forkedDaemon(index).pid();
  }

  /** Stops then starts a DataNode and waits until the NameNode sees it again. */
  public void restartDataNode(int index) {
    stopDataNode(index);
    startDataNode(index);
    waitActive();
  }

  synchronized long runningDataNodes() {
    return dataNodes.running();
  }

  // ---- waits ---------------------------------------------------------------------------------

  /**
   * Waits until a NameNode is active and out of safe mode and every running DataNode is live at
   * it.
   */
  public void waitActive() {
    ClusterWaits.forActiveCluster(this);
  }

  /** Waits until one NameNode of the nameservice is active; returns its index. */
  public int waitForActiveNameNode() {
    return ClusterWaits.forActiveNameNode(nameNodes);
  }

  /** Index of the NameNode that says it is active right now, or -1. */
  public int getActiveNameNodeIndex() {
    return nameNodes.findActive();
  }

  // ---- handles -------------------------------------------------------------------------------

  /**
   * HA status of NameNode {@code i}, asked over RPC (in-process and forked alike); a NameNode
   * that does not answer within 2 s (frozen) fails the call.
   */
  public HaStatus status(int i) throws IOException {
    return nameNodes.status(i);
  }

  /**
   * A plain (not failing over) ClientProtocol proxy to NameNode {@code i} with a 2 s answer
   * timeout; the caller stops it with QuireRpc.stopProxy.
   */
  public ClientProtocol directClient(int i) throws IOException {
    return nameNodes.directClient(i);
  }

  /** HA administration of NameNode {@code i} (the caller stops the proxy with QuireRpc). */
  public HaAdminProtocol haAdmin(int i) throws IOException {
    return nameNodes.haAdmin(i);
  }

  /** The single NameNode, or in HA the in-process active one (null when none is). */
  public synchronized NameNode getNameNode() {
    if (!isHa()) {
      return nameNodes.size() == 0 ? null : nameNodes.slot(0).nameNode;
    }
    int a = nameNodes.findActive();
    return a < 0 ? null : nameNodes.slot(a).nameNode;
  }

  /** In-process NameNode {@code i} (null when stopped or forked). */
  public synchronized NameNode getNameNode(int i) {
    return nameNodes.slot(i).nameNode;
  }

  /** RPC address of NameNode {@code i}. */
  public InetSocketAddress getNameNodeAddress(int i) {
    return nameNodes.address(i);
  }

  /**
   * HTTP address (web UI, /jmx, /prom, /isActive) of NameNode {@code i}: the bound one while it
   * runs in this JVM, else the one it was given (a forked one keeps it across restarts).
   */
  public synchronized InetSocketAddress getNameNodeHttpAddress(int i) {
    return nameNodes.httpAddress(i);
  }

  /**
   * HTTP address (web UI, /jmx, /prom) of DataNode {@code index}: the bound one while it runs,
   * else the one of its last run (a forked DataNode keeps it across restarts, an in-process
   * one binds a free port at each start).
   */
  public synchronized InetSocketAddress getDataNodeHttpAddress(int index) {
    return dataNodes.httpAddress(index);
  }

  /** The embedded ZooKeeper of an HA cluster (null for a single NameNode). */
  public ZooKeeperHarness getZooKeeper() {
    return zooKeeper;
  }

  public synchronized DataNode getDataNode(int index) {
    return dataNodes.dataNode(index);
  }

  public synchronized int getNumDataNodes() {
    return dataNodes.size();
  }

  /** Index of the running DataNode with this UUID, or -1. */
  public synchronized int indexOfDataNode(String uuid) {
    return dataNodes.indexOf(uuid);
  }

  // ---- clients -------------------------------------------------------------------------------

  /** {@code quire://localhost:<port>/}, or {@code quire://minins/} for an HA cluster. */
  public URI getURI() {
    if (isHa()) {
      return URI.create(QuireConfigKeys.SCHEME + "://" + NAMESERVICE + "/");
    }
    return URI.create(QuireConfigKeys.SCHEME + "://localhost:" + nameNodes.slot(0).rpcPort
        + "/");
  }

  /** A configuration for clients of this cluster (fs.defaultFS points at it). */
  public Configuration getConfiguration() {
    return new Configuration(conf);
  }

  /** A FileSystem for this cluster, created once and closed with the cluster. */
  public synchronized FileSystem getFileSystem() throws IOException {
    return clients.fileSystem(getURI(), getConfiguration());
  }

  /**
   * A ClientProtocol proxy for tests that inspect block ids and locations: direct (not
   * retrying) to a single NameNode, re-created after its restart; in HA the failing-over proxy
   * of the nameservice.
   */
  public synchronized ClientProtocol getClientProtocol() throws IOException {
    if (isHa()) {
      return clients.failover(getURI(), getConfiguration());
    }
    return clients.direct(nameNodes.address(0), getConfiguration());
  }

  public File getBaseDir() {
    return baseDir;
  }

  /** Stops every node and ZooKeeper and closes the cached FileSystem; storage stays on disk. */
  @Override
  public synchronized void close() {
    clients.close();
    dataNodes.stopAll();
    for (int i = 0; i < nameNodes.size(); i++) {
      stopNameNode(i);
    }
    if (zooKeeper != null) {
      try {
        zooKeeper.close();
      } catch (IOException e) {
        LOG.warn("closing mini cluster ZooKeeper", e);
      }
      zooKeeper = null;
    }
  }
}
