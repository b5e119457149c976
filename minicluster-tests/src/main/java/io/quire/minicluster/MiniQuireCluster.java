package io.quire.minicluster;

import static org.awaitility.Awaitility.await;

import io.quire.datanode.DataNode;
import io.quire.datanode.DataNodeConfigKeys;
import io.quire.fs.NameNodeProxies;
import io.quire.namenode.NameNode;
import io.quire.namenode.NameNodeConfigKeys;
import io.quire.namenode.NameNodeFormat;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HaStatus;
import io.quire.testing.Timing;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Quire cluster for tests and tools: one NameNode, or an HA nameservice of 2-3
 * NameNodes on an embedded ZooKeeper (one server or an ensemble of three), and N DataNodes;
 * storage under a given directory, every port chosen free, every node stoppable and
 * restartable. NameNodes and DataNodes may run in processes of their own
 * ({@link Builder#forkNameNodes}, {@link Builder#forkDataNodes}), so a test can SIGKILL or
 * SIGSTOP them.
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
 * Test-friendly defaults (fast heartbeats, no safe-mode extension, tiny minimum block size, a
 * 2 s ZooKeeper session) are applied only where the given configuration leaves a key unset.
 */
public final class MiniQuireCluster implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniQuireCluster.class);
  /** Name of the nameservice of an HA mini cluster. */
  public static final String NAMESERVICE = "minins";

  private final Configuration conf;
  private final File baseDir;
  private final List<DataNodeSlot> slots = new ArrayList<>();
  private final List<NameNodeSlot> nameNodes = new ArrayList<>();
  private final boolean forkNameNodes;
  private final boolean forkDataNodes;
  private ZooKeeperHarness zooKeeper;
  private FileSystem fileSystem;
  private ClientProtocol clientProtocol;
  private NameNodeProxies.Retrying haClient;

  private MiniQuireCluster(Configuration conf, File baseDir, boolean forkNameNodes,
      boolean forkDataNodes) {
    this.conf = conf;
    this.baseDir = baseDir;
    this.forkNameNodes = forkNameNodes;
    this.forkDataNodes = forkDataNodes;
  }

  public static Builder builder(Configuration conf) {
    return new Builder(conf);
  }

  /** Builds and starts a {@link MiniQuireCluster}. */
  public static final class Builder {
    private final Configuration conf;
    private int numDataNodes = 3;
    private int numNameNodes = 1;
    private int zooKeeperServers = 1;
    private boolean forkNameNodes;
    private boolean forkDataNodes;
    private File baseDir;
    private boolean format = true;
    private int nameNodePort;

    private Builder(Configuration conf) {
      this.conf = new Configuration(conf);
    }

    public Builder numDataNodes(int n) {
      this.numDataNodes = n;
      return this;
    }

    /** 1 (default): a single NameNode; 2 or 3: an HA nameservice on an embedded ZooKeeper. */
    public Builder nameNodes(int n) {
      if (n < 1 || n > 3) {
        throw new IllegalArgumentException("a mini cluster has 1, 2 or 3 NameNodes, not " + n);
      }
      this.numNameNodes = n;
      return this;
    }

    /** ZooKeeper servers of an HA cluster: 1 (default) or 3 (an ensemble). */
    public Builder zooKeeperServers(int n) {
      this.zooKeeperServers = n;
      return this;
    }

    /**
     * NameNodes (a single one or those of an HA nameservice) in processes of their own, killable
     * and freezable; {@link #getNameNode} is then null.
     */
    public Builder forkNameNodes(boolean fork) {
      this.forkNameNodes = fork;
      return this;
    }

    /**
     * DataNodes in processes of their own ({@link ForkedDataNodeMain}), killable
     * ({@link #killDataNode}) and freezable ({@link #pauseDataNode}); {@link #getDataNode} is
     * then null and fault injection needs in-process DataNodes.
     */
    public Builder forkDataNodes(boolean fork) {
      this.forkDataNodes = fork;
      return this;
    }

    /** Storage root; default {@code target/mini-quire/<random>} under the working directory. */
    public Builder baseDir(File dir) {
      this.baseDir = dir;
      return this;
    }

    /** False to start on existing storage (the base directory must hold a formatted cluster). */
    public Builder format(boolean f) {
      this.format = f;
      return this;
    }

    /** Fixed NameNode RPC port of a single NameNode; 0 (default) picks a free one. */
    public Builder nameNodePort(int port) {
      this.nameNodePort = port;
      return this;
    }

    public MiniQuireCluster build() throws IOException {
      // Several NameNodes/DataNodes per JVM register metrics under the same names.
      DefaultMetricsSystem.setMiniClusterMode(true);
      File dir = baseDir != null ? baseDir
          : new File("target/mini-quire/" + UUID.randomUUID()).getAbsoluteFile();
      applyTestDefaults(conf);
      MiniQuireCluster c = new MiniQuireCluster(conf, dir, forkNameNodes, forkDataNodes);
      boolean ok = false;
      try {
        c.start(numNameNodes, zooKeeperServers, nameNodePort, numDataNodes, format);
        ok = true;
      } finally {
        if (!ok) {
          c.close();
        }
      }
      return c;
    }
  }

  /** Defaults that make a cluster quick to start and to react, unless the caller set them. */
  static void applyTestDefaults(Configuration conf) {
    conf.setIfUnset(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY, "100");
    conf.setIfUnset(DataNodeConfigKeys.HOSTNAME_KEY, "localhost");
    conf.setIfUnset(NameNodeConfigKeys.MIN_BLOCK_SIZE_KEY, "0");
    conf.setIfUnset(NameNodeConfigKeys.SAFEMODE_EXTENSION_KEY, "0");
    conf.setIfUnset(NameNodeConfigKeys.HA_ZK_SESSION_TIMEOUT_KEY, "2000");
    conf.setIfUnset(NameNodeConfigKeys.HA_TAIL_MAX_WAIT_KEY, "200");
    conf.setIfUnset("ipc.client.connect.max.retries", "2");
    conf.setIfUnset("ipc.client.connect.retry.interval", "100");
  }

  private void start(int numNameNodes, int zkServers, int nameNodePort, int numDataNodes,
      boolean format) throws IOException {
    if (format && baseDir.exists()) {
      FileUtil.fullyDelete(baseDir);
    }
    if (!baseDir.mkdirs() && !baseDir.isDirectory()) {
      throw new IOException("mini cluster: cannot create " + baseDir);
    }
    if (numNameNodes == 1) {
      NameNodeSlot s = new NameNodeSlot(0, null, new File(baseDir, "name"));
      // a forked NameNode cannot tell its port back before clients need it: fix one now
      s.rpcPort = nameNodePort == 0 && forkNameNodes ? freePort() : nameNodePort;
      s.httpPort = forkNameNodes ? freePort() : 0;
      nameNodes.add(s);
      if (format) {
        NameNode.format(nameNodeConf(s), true);
      }
      startNameNode(0);
    } else {
      startNameservice(numNameNodes, zkServers, format);
    }
    conf.set(FileSystem.FS_DEFAULT_NAME_KEY, getURI().toString());
    // FileContext (and so YARN job staging) finds AbstractFileSystems only through this key.
    conf.set("fs.AbstractFileSystem.quire.impl", "io.quire.fs.QuireFs");
    for (int i = 0; i < numDataNodes; i++) {
      addDataNode();
    }
    waitActive();
  }

  private void startNameservice(int n, int zkServers, boolean format) throws IOException {
    try {
      zooKeeper = ZooKeeperHarness.start(new File(baseDir, "zookeeper"), zkServers);
    } catch (Exception e) {
      throw new IOException("mini cluster: cannot start ZooKeeper: " + e, e);
    }
    conf.set(QuireConfigKeys.NAMESERVICES_KEY, NAMESERVICE);
    conf.set(NameNodeConfigKeys.HA_ZK_QUORUM_KEY, zooKeeper.connectString());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NameNodeSlot s = new NameNodeSlot(i, "nn" + i, new File(baseDir, "nn" + i + "/name"));
      s.nameDir.getParentFile().mkdirs();
      s.rpcPort = freePort();
      s.httpPort = freePort();
      nameNodes.add(s);
      ids.add(s.id);
      conf.set(io.quire.protocol.ha.Nameservice.rpcAddressKey(NAMESERVICE, s.id),
          "localhost:" + s.rpcPort);
      conf.set(io.quire.protocol.ha.Nameservice.httpAddressKey(NAMESERVICE, s.id),
          "localhost:" + s.httpPort);
    }
    conf.set(QuireConfigKeys.NAMENODE_IDS_PREFIX + NAMESERVICE, String.join(",", ids));
    if (format) {
      NameNode.format(nameNodeConf(nameNodes.get(0)), true);
    }
    startNameNode(0);
    waitForActiveNameNode();
    for (int i = 1; i < n; i++) {
      if (format) {
        NameNodeFormat.bootstrapStandby(nameNodeConf(nameNodes.get(i)), true);
      }
      startNameNode(i);
    }
  }

  /**
   * A port to bind later: random, below the kernel's ephemeral range (where no outgoing
   * connection can take it meanwhile, as happens to a port that {@code new ServerSocket(0)}
   * handed out and closed), and bindable now.
   */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 10_000 + PORTS.nextInt(20_000);
      try (ServerSocket s = new ServerSocket(port)) {
        return s.getLocalPort();
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IOException("mini cluster: no free port found in 10000-29999");
  }

  private static final java.util.Random PORTS = new java.util.Random();

  /** The configuration NameNode {@code s} runs with. */
  private Configuration nameNodeConf(NameNodeSlot s) {
    Configuration c = new Configuration(conf);
    c.set(NameNodeConfigKeys.NAME_DIR_KEY, s.nameDir.getAbsolutePath());
    if (s.id == null) {
      c.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + s.rpcPort);
      // in-process: any free port at each start; forked: the one fixed for it. Never the
      // configuration's: conf/quire-site.xml on a script's class path names a fixed port.
      c.set(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY,
          "localhost:" + (forkNameNodes ? s.httpPort : 0));
    } else {
      c.set(QuireConfigKeys.NAMENODE_ID_KEY, s.id);
    }
    return c;
  }

  /** Whether this is an HA cluster (a nameservice of several NameNodes). */
  public boolean isHa() {
    return zooKeeper != null;
  }

  /** Starts the single NameNode (again), on the same port as before if it ran already. */
  public void startNameNode() {
    startNameNode(single());
  }

  /** Starts NameNode {@code i} (again) on its port and storage. */
  public synchronized void startNameNode(int i) {
    NameNodeSlot s = nameNodes.get(i);
    if (s.isRunning()) {
      throw new IllegalStateException("NameNode " + i + " already running");
    }
    Configuration c = nameNodeConf(s);
    if (forkNameNodes) {
      try {
        s.forked = ForkedDaemon.startNameNode(s.writeConf(c), s.log());
      } catch (Exception e) {
        throw new IllegalStateException("start forked NameNode " + s.id + ": " + e, e);
      }
      if (!isHa()) {
        conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + s.rpcPort);
      }
      return;
    }
    NameNode nn = new NameNode();
    nn.init(c);
    nn.start();
    s.nameNode = nn;
    s.rpcPort = nn.getRpcAddress().getPort();
    s.httpPort = nn.getHttpAddress().getPort();
    if (!isHa()) {
      conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + s.rpcPort);
    }
    LOG.info("Mini cluster NameNode {} at localhost:{}", s.id == null ? "" : s.id, s.rpcPort);
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
    NameNodeSlot s = nameNodes.get(i);
    if (!isHa() && clientProtocol != null) {
      QuireRpc.stopProxy(clientProtocol);
      clientProtocol = null;
    }
    if (s.nameNode != null) {
      s.nameNode.stop();
      s.nameNode = null;
    }
    if (s.forked != null) {
      try {
        s.forked.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      s.forked = null;
    }
  }

  /** SIGKILL of a forked NameNode: no clean close, its ZooKeeper session simply expires. */
  public synchronized void killNameNode(int i) throws InterruptedException {
    forked(i).kill();
    nameNodes.get(i).forked = null;
  }

  /** SIGSTOP of a forked NameNode. */
  public synchronized void pauseNameNode(int i) throws IOException, InterruptedException {
    forked(i).pause();
  }

  /** SIGCONT of a paused forked NameNode. */
  public synchronized void resumeNameNode(int i) throws IOException, InterruptedException {
    forked(i).resume();
  }

  /** Process id of a forked NameNode. */
  public synchronized long nameNodePid(int i) {
    return forked(i).pid();
  }

  private ForkedDaemon forked(int i) {
    ForkedDaemon f = nameNodes.get(i).forked;
    if (f == null) {
      throw new IllegalStateException("NameNode " + i + " is not a running forked NameNode"
          + " (build the cluster with forkNameNodes(true))");
    }
    return f;
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

  /** Adds and starts a new DataNode; returns its index. */
  public synchronized int addDataNode() {
    int index = slots.size();
    DataNodeSlot slot = new DataNodeSlot(index, new File(baseDir, "data/dn" + index));
    slots.add(slot);
    startDataNode(index);
    return index;
  }

  /** Starts a stopped DataNode on its old storage and port. */
  public synchronized void startDataNode(int index) {
    DataNodeSlot slot = slots.get(index);
    if (slot.isRunning()) {
      throw new IllegalStateException("DataNode " + index + " already running");
    }
    Configuration dnConf = new Configuration(conf);
    dnConf.set(DataNodeConfigKeys.DATA_DIR_KEY, slot.dataDir.getAbsolutePath());
    if (forkDataNodes) {
      try {
        if (slot.port == 0) {
          slot.port = freePort();
        }
        dnConf.set(DataNodeConfigKeys.ADDRESS_KEY, "127.0.0.1:" + slot.port);
        if (slot.httpPort == 0) {
          slot.httpPort = freePort();
        }
        dnConf.set(DataNodeConfigKeys.HTTP_ADDRESS_KEY, "127.0.0.1:" + slot.httpPort);
        slot.forked = ForkedDaemon.startDataNode(slot.writeConf(dnConf), slot.log());
        slot.uuid = slot.forked.readyLine().split(" ")[2];
      } catch (Exception e) {
        throw new IllegalStateException("start forked DataNode " + index + ": " + e, e);
      }
      return;
    }
    dnConf.set(DataNodeConfigKeys.ADDRESS_KEY, "127.0.0.1:" + slot.port);
    dnConf.set(DataNodeConfigKeys.HTTP_ADDRESS_KEY, "127.0.0.1:0");
    DataNode dn = new DataNode();
    dn.init(dnConf);
    dn.start();
    slot.dataNode = dn;
    slot.port = dn.getDataAddress().getPort();
    slot.httpPort = dn.getHttpAddress().getPort();
  }

  /** Stops a DataNode cleanly (a forked one with SIGTERM); its storage is kept. */
  public synchronized void stopDataNode(int index) {
    DataNodeSlot slot = slots.get(index);
    if (slot.dataNode != null) {
      slot.dataNode.stop();
      slot.dataNode = null;
    }
    if (slot.forked != null) {
      try {
        slot.forked.terminate();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      slot.forked = null;
    }
  }

  /** SIGKILL of a forked DataNode: no clean close; returns once the process is gone. */
  public synchronized void killDataNode(int index) throws InterruptedException {
    forkedDataNode(index).kill();
    slots.get(index).forked = null;
  }

  /** SIGSTOP of a forked DataNode. */
  public synchronized void pauseDataNode(int index) throws IOException, InterruptedException {
    forkedDataNode(index).pause();
  }

  /** SIGCONT of a paused forked DataNode. */
  public synchronized void resumeDataNode(int index) throws IOException, InterruptedException {
    forkedDataNode(index).resume();
  }

  /** Whether DataNode {@code index} runs (in this JVM, or its forked process is alive). */
  public synchronized boolean isDataNodeRunning(int index) {
    return slots.get(index).isRunning();
  }

  /** Process id of a forked DataNode. */
  public synchronized long dataNodePid(int index) {
    return forkedDataNode(index).pid();
  }

  private ForkedDaemon forkedDataNode(int index) {
    ForkedDaemon f = slots.get(index).forked;
    if (f == null) {
      throw new IllegalStateException("DataNode " + index + " is not a running forked DataNode"
          + " (build the cluster with forkDataNodes(true))");
    }
    return f;
  }

  /** Stops then starts a DataNode and waits until the NameNode sees it again. */
  public void restartDataNode(int index) {
    stopDataNode(index);
    startDataNode(index);
    waitActive();
  }

  /**
   * Waits until a NameNode is active and out of safe mode and every running DataNode is live at
   * it.
   */
  public void waitActive() {
    Duration timeout = Timing.seconds(60);
    await("mini cluster active").atMost(timeout).pollInterval(Duration.ofMillis(20))
        .until(this::isActive);
  }

  private boolean isActive() {
    long running;
    synchronized (this) {
      running = slots.stream().filter(DataNodeSlot::isRunning).count();
    }
    if (!isHa() && !forkNameNodes) {
      NameNode nn = getNameNode();
      return nn != null && !nn.isInSafeMode()
          && nn.getNamesystem().getDatanodeManager().getLiveNodes().size() >= running;
    }
    int active = findActive();
    if (active < 0) {
      return false;
    }
    try {
      if (status(active).inSafeMode()) {
        return false;
      }
      long live = getClientProtocol().getDatanodeReport().stream()
          .filter(d -> d.getState() == DatanodeInfo.State.LIVE).count();
      return live >= running;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Waits until one NameNode of the nameservice is active; returns its index. */
  public int waitForActiveNameNode() {
    int[] found = {-1};
    await("an active NameNode").atMost(Timing.seconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> (found[0] = findActive()) >= 0);
    return found[0];
  }

  /** Index of the NameNode that says it is active right now, or -1. */
  public int getActiveNameNodeIndex() {
    return findActive();
  }

  private int findActive() {
    for (int i = 0; i < nameNodes.size(); i++) {
      if (!nameNodes.get(i).isRunning()) {
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

  /**
   * HA status of NameNode {@code i}, asked over RPC (in-process and forked alike); a NameNode
   * that does not answer within 2 s (frozen) fails the call.
   */
  public HaStatus status(int i) throws IOException {
    NameNodeSlot s = nameNodes.get(i);
    HaAdminProtocol p = QuireRpc.createHaAdminProxy(quickConf(),
        new InetSocketAddress("localhost", s.rpcPort), UserGroupInformation.getCurrentUser());
    try {
      return p.getHaStatus();
    } finally {
      QuireRpc.stopProxy(p);
    }
  }

  /** Client settings for probing one NameNode: no connect retries, a 2 s answer timeout. */
  private Configuration quickConf() {
    Configuration c = new Configuration(conf);
    c.setInt("ipc.client.connect.max.retries", 0);
    c.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    c.setInt("ipc.client.rpc-timeout.ms", 2000);
    return c;
  }

  /**
   * A plain (not failing over) ClientProtocol proxy to NameNode {@code i} with a 2 s answer
   * timeout; the caller stops it with QuireRpc.stopProxy.
   */
  public ClientProtocol directClient(int i) throws IOException {
    return QuireRpc.createClientProxy(quickConf(),
        new InetSocketAddress("localhost", nameNodes.get(i).rpcPort),
        UserGroupInformation.getCurrentUser());
  }

  /** HA administration of NameNode {@code i} (the caller stops the proxy with QuireRpc). */
  public HaAdminProtocol haAdmin(int i) throws IOException {
    return QuireRpc.createHaAdminProxy(new Configuration(conf),
        new InetSocketAddress("localhost", nameNodes.get(i).rpcPort),
        UserGroupInformation.getCurrentUser());
  }

  /** The single NameNode, or in HA the in-process active one (null when none is). */
  public synchronized NameNode getNameNode() {
    if (!isHa()) {
      return nameNodes.isEmpty() ? null : nameNodes.get(0).nameNode;
    }
    int a = findActive();
    return a < 0 ? null : nameNodes.get(a).nameNode;
  }

  /** In-process NameNode {@code i} (null when stopped or forked). */
  public synchronized NameNode getNameNode(int i) {
    return nameNodes.get(i).nameNode;
  }

  /** RPC address of NameNode {@code i}. */
  public InetSocketAddress getNameNodeAddress(int i) {
    return new InetSocketAddress("localhost", nameNodes.get(i).rpcPort);
  }

  /**
   * HTTP address (web UI, /jmx, /prom, /isActive) of NameNode {@code i}: the bound one while it
   * runs in this JVM, else the one it was given (a forked one keeps it across restarts).
   */
  public synchronized InetSocketAddress getNameNodeHttpAddress(int i) {
    NameNodeSlot s = nameNodes.get(i);
    return s.nameNode != null ? new InetSocketAddress("localhost",
        s.nameNode.getHttpAddress().getPort()) : new InetSocketAddress("localhost", s.httpPort);
  }

  /**
   * HTTP address (web UI, /jmx, /prom) of DataNode {@code index}: the bound one while it runs,
   * else the one of its last run (a forked DataNode keeps it across restarts, an in-process
   * one binds a free port at each start).
   */
  public synchronized InetSocketAddress getDataNodeHttpAddress(int index) {
    return new InetSocketAddress("127.0.0.1", slots.get(index).httpPort);
  }

  /** The embedded ZooKeeper of an HA cluster (null for a single NameNode). */
  public ZooKeeperHarness getZooKeeper() {
    return zooKeeper;
  }

  public synchronized DataNode getDataNode(int index) {
    return slots.get(index).dataNode;
  }

  public synchronized int getNumDataNodes() {
    return slots.size();
  }

  /** {@code quire://localhost:<port>/}, or {@code quire://minins/} for an HA cluster. */
  public URI getURI() {
    if (isHa()) {
      return URI.create(QuireConfigKeys.SCHEME + "://" + NAMESERVICE + "/");
    }
    return URI.create(QuireConfigKeys.SCHEME + "://localhost:" + nameNodes.get(0).rpcPort + "/");
  }

  /** A configuration for clients of this cluster (fs.defaultFS points at it). */
  public Configuration getConfiguration() {
    return new Configuration(conf);
  }

  /** A FileSystem for this cluster, created once and closed with the cluster. */
  public synchronized FileSystem getFileSystem() throws IOException {
    if (fileSystem == null) {
      fileSystem = FileSystem.newInstance(getURI(), getConfiguration());
    }
    return fileSystem;
  }

  /**
   * A ClientProtocol proxy for tests that inspect block ids and locations: direct (not
   * retrying) to a single NameNode, re-created after its restart; in HA the failing-over proxy
   * of the nameservice.
   */
  public synchronized ClientProtocol getClientProtocol() throws IOException {
    if (isHa()) {
      if (haClient == null) {
        haClient = NameNodeProxies.create(getConfiguration(), getURI(),
            UserGroupInformation.getCurrentUser());
      }
      return haClient.proxy();
    }
    if (clientProtocol == null) {
      clientProtocol = QuireRpc.createClientProxy(getConfiguration(),
          new InetSocketAddress("localhost", nameNodes.get(0).rpcPort),
          UserGroupInformation.getCurrentUser());
    }
    return clientProtocol;
  }

  /** Index of the running DataNode with this UUID, or -1. */
  public synchronized int indexOfDataNode(String uuid) {
    for (DataNodeSlot s : slots) {
      if (s.isRunning() && uuid.equals(s.uuid())) {
        return s.index;
      }
    }
    return -1;
  }

  public File getBaseDir() {
    return baseDir;
  }

  /** Stops every node and ZooKeeper and closes the cached FileSystem; storage stays on disk. */
  @Override
  public synchronized void close() {
    if (fileSystem != null) {
      try {
        fileSystem.close();
      } catch (IOException e) {
        LOG.warn("closing mini cluster file system", e);
      }
      fileSystem = null;
    }
    if (clientProtocol != null) {
      QuireRpc.stopProxy(clientProtocol);
      clientProtocol = null;
    }
    if (haClient != null) {
      haClient.close();
      haClient = null;
    }
    for (DataNodeSlot s : slots) {
      if (s.dataNode != null) {
        s.dataNode.stop();
        s.dataNode = null;
      }
      if (s.forked != null) {
        try {
          s.forked.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        s.forked = null;
      }
    }
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
