package io.quire.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.NameNodeProxiesClient;
import org.apache.hadoop.hdfs.protocol.ClientProtocol;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * HDFS's side of the health benchmark: a MiniDFSCluster on a fixed NameNode port with the same
 * {@link HealthSettings} (dfs.heartbeat.interval, dfs.namenode.heartbeat.recheck-interval,
 * dfs.namenode.redundancy.interval.seconds, dfs.namenode.replication.work.multiplier
 * .per.iteration, dfs.namenode.replication.max-streams[-hard-limit], safe-mode extension 0) and
 * the edit log fsynced as in production.
 */
final class HdfsHealthCluster implements HealthCluster {
  private final Configuration conf;
  private final int dataNodes;
  private final int port;
  private final ClientProtocol probe;
  private MiniDFSCluster cluster;
  private FileSystem fs;

  HdfsHealthCluster(File baseDir, int dataNodes, long blockSize, HealthSettings s)
      throws IOException {
    this.dataNodes = dataNodes;
    this.port = HealthBenchMain.freePort();
    conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
    conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, 3);
    conf.setLong(DFSConfigKeys.DFS_BLOCK_SIZE_KEY, blockSize);
    conf.setLong(DFSConfigKeys.DFS_NAMENODE_MIN_BLOCK_SIZE_KEY, 0);
    conf.setTimeDuration(DFSConfigKeys.DFS_HEARTBEAT_INTERVAL_KEY, s.heartbeatMs(),
        TimeUnit.MILLISECONDS);
    conf.setLong(DFSConfigKeys.DFS_NAMENODE_HEARTBEAT_RECHECK_INTERVAL_KEY, s.recheckMs());
    conf.setTimeDuration(DFSConfigKeys.DFS_NAMENODE_REDUNDANCY_INTERVAL_SECONDS_KEY,
        s.monitorMs(), TimeUnit.MILLISECONDS);
    conf.setInt(DFSConfigKeys.DFS_NAMENODE_REPLICATION_WORK_MULTIPLIER_PER_ITERATION,
        s.workMultiplier());
    conf.setInt(DFSConfigKeys.DFS_NAMENODE_REPLICATION_MAX_STREAMS_KEY, s.maxStreams());
    conf.setInt(DFSConfigKeys.DFS_NAMENODE_REPLICATION_STREAMS_HARD_LIMIT_KEY,
        2 * s.maxStreams());
    conf.setInt(DFSConfigKeys.DFS_NAMENODE_SAFEMODE_EXTENSION_KEY, 0);
    conf.setInt("ipc.client.connect.max.retries", 0);
    conf.setInt("ipc.client.connect.retry.interval", 10);
    probe = NameNodeProxiesClient.createNonHAProxyWithClientProtocol(
        new InetSocketAddress("localhost", port), conf, UserGroupInformation.getCurrentUser(),
        false, null);
    cluster = builder(true).build();
    cluster.waitActive();
  }

  private MiniDFSCluster.Builder builder(boolean format) {
    return new MiniDFSCluster.Builder(conf).numDataNodes(dataNodes).nameNodePort(port)
        .format(format).skipFsyncForTesting(false);
  }

  @Override public String name() { return "hdfs"; }

  @Override public synchronized FileSystem fileSystem() throws IOException {
    if (fs == null) {
      fs = FileSystem.newInstance(cluster.getURI(), conf);
    }
    return fs;
  }

  @Override public synchronized void shutdown() throws IOException {
    if (fs != null) {
      fs.close();
      fs = null;
    }
    cluster.shutdown(false);
  }

  @Override public void start() throws IOException {
    MiniDFSCluster c = builder(false).build();
    synchronized (this) {
      cluster = c;
    }
  }

  @Override public boolean inSafeMode() throws IOException {
    return probe.setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_GET, false);
  }

  @Override public String stopDataNode(int i) {
    String addr = cluster.getDataNodes().get(i).getXferAddress().getAddress().getHostAddress()
        + ":" + cluster.getDataNodes().get(i).getXferAddress().getPort();
    cluster.stopDataNode(i);
    return addr;
  }

  @Override public int deadDataNodes() throws IOException {
    return probe.getDatanodeReport(HdfsConstants.DatanodeReportType.DEAD).length;
  }

  @Override public void close() throws IOException {
    shutdown();
    org.apache.hadoop.ipc.RPC.stopProxy(probe);
  }
}
