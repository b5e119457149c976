package io.quire.minicluster;

import io.quire.client.ClientConfigKeys;
import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The set-up shared by the tests that kill, freeze or break a cluster's daemons and check what
 * survives: a {@link MiniQuireCluster} in the test class's own directory under target/ (see
 * {@link TargetDirs}), with the NameNode and the DataNodes in this JVM or forked (SIGKILL and
 * SIGSTOP need a process of its own; fault injection needs one in this JVM), optionally a
 * checkpoint every few transactions with one image kept (so the journal before it is purged),
 * and short data-transfer timeouts so a hang shows fast. Build it in {@code @BeforeAll}, close it
 * in {@code @AfterAll}, and {@link #restoreDataNodes} after each test that stops one.
 */
public final class CrashTestCluster implements AutoCloseable {
  private final MiniQuireCluster cluster;

  private CrashTestCluster(MiniQuireCluster cluster) {
    this.cluster = cluster;
  }

  /** A cluster for {@code test}, whose class names its directory. */
  public static Builder builder(Class<?> test) {
    return new Builder(test);
  }

  public MiniQuireCluster cluster() {
    return cluster;
  }

  /** The single NameNode's storage (where a forked one writes images and journal). */
  public NameDirFiles nameDir() {
    return new NameDirFiles(new File(cluster.getBaseDir(), "name"));
  }

  /**
   * SIGKILL of the forked NameNode, then a start on the same port and storage; returns once it
   * is active and out of safe mode with every running DataNode live.
   */
  public void crashAndRestartNameNode() throws InterruptedException {
    cluster.killNameNode(0);
    cluster.startNameNode(0);
    cluster.waitActive();
  }

  /**
   * Starts every DataNode a test stopped or killed and clears the faults injected into those
   * in this JVM, then waits until all are live: the next test finds the cluster as built.
   */
  public void restoreDataNodes() {
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      if (!cluster.isDataNodeRunning(i)) {
        cluster.startDataNode(i);
      } else {
        DataNode dn = cluster.getDataNode(i);
        if (dn != null) {
          dn.getFaultInjector().clearAll();
        }
      }
    }
    cluster.waitActive();
  }

  @Override
  public void close() {
    cluster.close();
  }

  /** What the tests vary; everything else is {@link MiniQuireClusterBuilder}'s defaults. */
  public static final class Builder {
    private final Class<?> test;
    private final Configuration conf = new Configuration();
    private boolean forkNameNode;
    private int dataNodes;
    private boolean forkDataNodes;

    private Builder(Class<?> test) {
      this.test = test;
    }

    /** The NameNode in a process of its own (killable, freezable). */
    public Builder forkedNameNode() {
      forkNameNode = true;
      return this;
    }

    /** {@code n} DataNodes (default none), in this JVM or in processes of their own. */
    public Builder dataNodes(int n, boolean forked) {
      dataNodes = n;
      forkDataNodes = forked;
      return this;
    }

    /**
     * A checkpoint every {@code txns} transactions (checked every 50 ms), one image retained:
     * the journal before the newest checkpoint is purged.
     */
    public Builder checkpointEvery(long txns) {
      conf.setLong(NameNodeConfigKeys.CHECKPOINT_TXNS_KEY, txns);
      conf.setLong(NameNodeConfigKeys.CHECKPOINT_CHECK_PERIOD_KEY, 50);
      conf.setInt(NameNodeConfigKeys.CHECKPOINT_RETAINED_KEY, 1);
      return this;
    }

    /** Default replication of new files. */
    public Builder replication(int r) {
      conf.setInt(QuireConfigKeys.REPLICATION_KEY, r);
      return this;
    }

    /** Default block size of new files. */
    public Builder blockSize(long bytes) {
      conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, bytes);
      return this;
    }

    /**
     * Short data-transfer timeouts: reads of the DataNodes and of the client as given, writes
     * 1 s plus 0.5 s per downstream node, so a stuck pipeline fails within seconds.
     */
    public Builder transferTimeouts(int dataNodeReadMs, int clientReadMs) {
      conf.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, dataNodeReadMs);
      conf.setInt(ClientConfigKeys.SOCKET_TIMEOUT_KEY, clientReadMs);
      conf.setInt(DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 1000);
      conf.setInt(ClientConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 1000);
      conf.setInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY, 500);
      return this;
    }

    /** Starts the cluster in a fresh {@code <test data>/<test class>/cluster}. */
    public CrashTestCluster build() throws IOException {
      return new CrashTestCluster(MiniQuireCluster.builder(conf).numDataNodes(dataNodes)
          .forkNameNodes(forkNameNode).forkDataNodes(forkDataNodes)
          .baseDir(TargetDirs.freshFile(test, "cluster")).build());
    }
  }
}
