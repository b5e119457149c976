package io.quire.minicluster;

import static org.awaitility.Awaitility.await;

import io.quire.datanode.DataNode;
import io.quire.datanode.DataNodeConfigKeys;
import io.quire.namenode.NameNode;
import io.quire.namenode.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
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
 * An in-process Quire cluster for tests and tools: one NameNode and N DataNodes, storage under a
 * given directory, every port chosen free, every node stoppable and restartable.
 *
 * <pre>{@code
 * try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
 *     .numDataNodes(3).build()) {
 *   FileSystem fs = cluster.getFileSystem();
 *   ...
 * }
 * }</pre>
 *
 * Test-friendly defaults (fast heartbeats, no safe-mode extension, tiny minimum block size) are
 * applied only where the given configuration leaves a key unset.
 */
public final class MiniQuireCluster implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniQuireCluster.class);

  private final Configuration conf;
  private final File baseDir;
  private final List<DataNodeSlot> slots = new ArrayList<>();
  private NameNode nameNode;
  private int nameNodePort;
  private FileSystem fileSystem;
  private ClientProtocol clientProtocol;

  private MiniQuireCluster(Configuration conf, File baseDir, int nameNodePort) {
    this.conf = conf;
    this.baseDir = baseDir;
    this.nameNodePort = nameNodePort;
  }

  public static Builder builder(Configuration conf) {
    return new Builder(conf);
  }

  /** Builds and starts a {@link MiniQuireCluster}. */
  public static final class Builder {
    private final Configuration conf;
    private int numDataNodes = 3;
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

    /** Fixed NameNode RPC port; 0 (default) picks a free one. */
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
      MiniQuireCluster c = new MiniQuireCluster(conf, dir, nameNodePort);
      boolean ok = false;
      try {
        c.start(numDataNodes, format);
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
    conf.setIfUnset("ipc.client.connect.max.retries", "2");
    conf.setIfUnset("ipc.client.connect.retry.interval", "100");
  }

  private void start(int numDataNodes, boolean format) throws IOException {
    if (format && baseDir.exists()) {
      FileUtil.fullyDelete(baseDir);
    }
    if (!baseDir.mkdirs() && !baseDir.isDirectory()) {
      throw new IOException("mini cluster: cannot create " + baseDir);
    }
    conf.set(NameNodeConfigKeys.NAME_DIR_KEY, new File(baseDir, "name").getAbsolutePath());
    if (format) {
      NameNode.format(conf, true);
    }
    startNameNode();
    for (int i = 0; i < numDataNodes; i++) {
      addDataNode();
    }
    waitActive();
  }

  /** Starts the NameNode (again), on the same port as before if it ran already. */
  public synchronized void startNameNode() {
    if (nameNode != null) {
      throw new IllegalStateException("NameNode already running");
    }
    Configuration nnConf = new Configuration(conf);
    nnConf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + nameNodePort);
    nnConf.setIfUnset(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY, "localhost:0");
    NameNode nn = new NameNode();
    nn.init(nnConf);
    nn.start();
    nameNode = nn;
    nameNodePort = nn.getRpcAddress().getPort();
    conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + nameNodePort);
    conf.set(FileSystem.FS_DEFAULT_NAME_KEY, getURI().toString());
    // FileContext (and so YARN job staging) finds AbstractFileSystems only through this key.
    conf.set("fs.AbstractFileSystem.quire.impl", "io.quire.fs.QuireFs");
    LOG.info("Mini cluster NameNode at {}", getURI());
  }

  /**
   * Stops the NameNode; its storage is kept for {@link #startNameNode()}. The cached
   * {@link #getClientProtocol()} proxy is dropped (its connection dies with the NameNode).
   */
  public synchronized void stopNameNode() {
    if (clientProtocol != null) {
      QuireRpc.stopProxy(clientProtocol);
      clientProtocol = null;
    }
    if (nameNode != null) {
      nameNode.stop();
      nameNode = null;
    }
  }

  /** Stops and starts the NameNode, then waits until it is active and out of safe mode. */
  public void restartNameNode() {
    stopNameNode();
    startNameNode();
    waitActive();
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
    dnConf.set(DataNodeConfigKeys.ADDRESS_KEY, "127.0.0.1:" + slot.port);
    DataNode dn = new DataNode();
    dn.init(dnConf);
    dn.start();
    slot.dataNode = dn;
    slot.port = dn.getDataAddress().getPort();
  }

  /** Stops a DataNode cleanly (its storage is kept). */
  public synchronized void stopDataNode(int index) {
    DataNodeSlot slot = slots.get(index);
    if (slot.dataNode != null) {
      slot.dataNode.stop();
      slot.dataNode = null;
    }
  }

  /** Stops then starts a DataNode and waits until the NameNode sees it again. */
  public void restartDataNode(int index) {
    stopDataNode(index);
    startDataNode(index);
    waitActive();
  }

  /**
   * Waits until the NameNode is out of safe mode and every running DataNode is registered
   * with it.
   */
  public void waitActive() {
    Duration timeout = Timing.seconds(60);
    await("mini cluster active").atMost(timeout).pollInterval(Duration.ofMillis(20))
        .until(this::isActive);
  }

  private synchronized boolean isActive() {
    if (nameNode == null || nameNode.isInSafeMode()) {
      return false;
    }
    long running = slots.stream().filter(DataNodeSlot::isRunning).count();
    return nameNode.getNamesystem().getDatanodeManager().getLiveNodes().size() >= running;
  }

  public synchronized NameNode getNameNode() {
    return nameNode;
  }

  public synchronized DataNode getDataNode(int index) {
    return slots.get(index).dataNode;
  }

  public synchronized int getNumDataNodes() {
    return slots.size();
  }

  /** {@code quire://localhost:<port>/}. */
  public URI getURI() {
    return URI.create(QuireConfigKeys.SCHEME + "://localhost:" + nameNodePort + "/");
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
   * A direct (non-retrying) ClientProtocol proxy to the NameNode, for tests that inspect block
   * ids and locations. Re-created after a NameNode restart.
   */
  public synchronized ClientProtocol getClientProtocol() throws IOException {
    if (clientProtocol == null) {
      clientProtocol = QuireRpc.createClientProxy(getConfiguration(),
          new InetSocketAddress("localhost", nameNodePort), UserGroupInformation.getCurrentUser());
    }
    return clientProtocol;
  }

  /** Index of the running DataNode with this UUID, or -1. */
  public synchronized int indexOfDataNode(String uuid) {
    for (DataNodeSlot s : slots) {
      if (s.dataNode != null && uuid.equals(s.dataNode.getDatanodeUuid())) {
        return s.index;
      }
    }
    return -1;
  }

  public File getBaseDir() {
    return baseDir;
  }

  /** Stops every node and closes the cached FileSystem; storage stays on disk. */
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
    for (DataNodeSlot s : slots) {
      if (s.dataNode != null) {
        s.dataNode.stop();
        s.dataNode = null;
      }
    }
    stopNameNode();
  }
}
