package io.quire.minicluster;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * Builds and starts a {@link MiniQuireCluster} ({@link MiniQuireCluster#builder}). Test-friendly
 * defaults (fast heartbeats, no safe-mode extension, tiny minimum block size, a 2 s ZooKeeper
 * session) are applied only where the given configuration leaves a key unset.
 */
public final class MiniQuireClusterBuilder {
  private final Configuration conf;
  private int numDataNodes = 3;
  private int numNameNodes = 1;
  private int zooKeeperServers = 1;
  private boolean forkNameNodes;
  private boolean forkDataNodes;
  private File baseDir;
  private boolean format = true;
  private int nameNodePort;

  MiniQuireClusterBuilder(Configuration conf) {
    this.conf = new Configuration(conf);
  }

  public MiniQuireClusterBuilder numDataNodes(int n) {
    this.numDataNodes = n;
    return this;
  }

  /** 1 (default): a single NameNode; 2 or 3: an HA nameservice on an embedded ZooKeeper. */
  public MiniQuireClusterBuilder nameNodes(int n) {
    if (n < 1 || n > 3) {
      throw new IllegalArgumentException("a mini cluster has 1, 2 or 3 NameNodes, not " + n);
    }
    this.numNameNodes = n;
    return this;
  }

  /** ZooKeeper servers of an HA cluster: 1 (default) or 3 (an ensemble). */
  public MiniQuireClusterBuilder zooKeeperServers(int n) {
    this.zooKeeperServers = n;
    return this;
  }

  /**
   * NameNodes (a single one or those of an HA nameservice) in processes of their own, killable
   * and freezable; {@link MiniQuireCluster#getNameNode} is then null.
   */
  public MiniQuireClusterBuilder forkNameNodes(boolean fork) {
    this.forkNameNodes = fork;
    return this;
  }

  /**
   * DataNodes in processes of their own ({@link ForkedDataNodeMain}), killable
   * ({@link MiniQuireCluster#killDataNode}) and freezable ({@link MiniQuireCluster#pauseDataNode});
   * {@link MiniQuireCluster#getDataNode} is then null and fault injection needs in-process
   * DataNodes.
   */
  public MiniQuireClusterBuilder forkDataNodes(boolean fork) {
    this.forkDataNodes = fork;
    return this;
  }

  /** Storage root; default {@code <test data>/mini-quire/<random>} (see {@link TargetDirs}). */
  public MiniQuireClusterBuilder baseDir(File dir) {
    this.baseDir = dir;
    return this;
  }

  /** False to start on existing storage (the base directory must hold a formatted cluster). */
  public MiniQuireClusterBuilder format(boolean f) {
    this.format = f;
    return this;
  }

  /** Fixed NameNode RPC port of a single NameNode; 0 (default) picks a free one. */
  public MiniQuireClusterBuilder nameNodePort(int port) {
    this.nameNodePort = port;
    return this;
  }

  /** Starts the cluster and waits until it is active; on failure stops what had started. */
  public MiniQuireCluster build() throws IOException {
    // Several NameNodes/DataNodes per JVM register metrics under the same names.
    DefaultMetricsSystem.setMiniClusterMode(true);
    File dir = baseDir != null ? baseDir
        : TargetDirs.base().resolve("mini-quire").resolve(UUID.randomUUID().toString()).toFile();
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
}
