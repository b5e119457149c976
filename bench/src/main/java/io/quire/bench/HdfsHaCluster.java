package io.quire.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.qjournal.MiniQJMHACluster;

/**
 * HDFS's HA nameservice for the HA benchmark: Hadoop's {@link MiniQJMHACluster} (three
 * JournalNodes, two NameNodes, no ZKFC) with three DataNodes, replication 3, clients on
 * hdfs://ns1 through ConfiguredFailoverProxyProvider with the shipped client failover settings.
 *
 * <p>Like Quire's NameNodes, which keep their log only in ZooKeeper, the NameNodes write their
 * edit log only to the JournalNodes ({@code setForceRemoteEditsOnly}: no local edits
 * directory), and every edit is fsynced ({@code skipFsyncForTesting(false)}; the flag is static
 * in EditLogFileOutputStream, so it holds for the JournalNodes of this JVM too). A JournalNode
 * fsyncs each batch before it acknowledges; the writer waits for two of the three.
 *
 * <p>A planned failover is what {@code hdfs haadmin -failover} does without ZKFC:
 * transitionToStandby on the active, then transitionToActive on the other.
 *
 * <p>The loss of the active cannot be a SIGKILL here (the NameNodes live in this JVM) and
 * nothing would notice it (no ZKFC, so no automatic failover): {@link #crashActive} is
 * shutdownNameNode, {@link #awaitTakeover} an immediate transitionToActive of the other by
 * hand. What that measures is HDFS's takeover and its clients' failover, with no detection
 * time at all: with ZKFC, detection would add its health-monitor check (1 s period) for a dead
 * process, or the ZooKeeper session timeout (ha.zookeeper.session-timeout.ms, 10 s by default)
 * for a dead host, plus fencing.
 */
final class HdfsHaCluster implements HaCluster {
  private final MiniQJMHACluster cluster;
  private final Configuration conf;
  private int active;

  HdfsHaCluster(File baseDir) throws IOException {
    conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
    conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, 3);
    MiniQJMHACluster.Builder b = new MiniQJMHACluster.Builder(conf)
        .baseDir(new File(baseDir, "journal").getAbsolutePath())
        .setNumNameNodes(2)
        .setForceRemoteEditsOnly(true);
    b.getDfsBuilder().numDataNodes(3).skipFsyncForTesting(false);
    cluster = b.build();
    MiniDFSCluster dfs = cluster.getDfsCluster();
    dfs.transitionToActive(0);
    dfs.waitActive();
    conf.set(FileSystem.FS_DEFAULT_NAME_KEY, uri().toString());
  }

  private static URI uri() {
    return URI.create("hdfs://" + MiniQJMHACluster.NAMESERVICE);
  }

  @Override public String name() {
    return "hdfs-ha";
  }

  @Override public FileSystem newClient() throws IOException {
    return FileSystem.newInstance(uri(), new Configuration(conf));
  }

  @Override public synchronized void plannedFailover() throws Exception {
    MiniDFSCluster dfs = cluster.getDfsCluster();
    int to = 1 - active;
    dfs.transitionToStandby(active);
    dfs.transitionToActive(to);
    active = to;
  }

  @Override public synchronized void crashActive() {
    cluster.getDfsCluster().shutdownNameNode(active);
  }

  @Override public synchronized void awaitTakeover() throws IOException {
    int to = 1 - active;
    cluster.getDfsCluster().transitionToActive(to);
    active = to;
  }

  /**
   * Shuts the HDFS cluster down, giving up after 60 s: after shutdownNameNode, a DataNode's
   * actor for the stopped NameNode can keep MiniDFSCluster's shutdown waiting (seen here for
   * more than 10 minutes); the bench goes on and the JVM's exit ends those threads.
   */
  @Override public void close() {
    Thread t = new Thread(cluster::close, "hdfs-ha-shutdown");
    t.setDaemon(true);
    t.start();
    try {
      t.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      System.err.println("bench: HDFS HA cluster shutdown still running after 60 s; going on");
    }
  }
}
