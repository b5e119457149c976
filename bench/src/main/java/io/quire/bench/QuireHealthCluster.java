package io.quire.bench;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.SafeModeAction;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;

/** Quire's side of the health benchmark: a MiniQuireCluster on a fixed NameNode port. */
final class QuireHealthCluster implements HealthCluster {
  private final Configuration conf;
  private final File baseDir;
  private final int dataNodes;
  private final int port;
  private final ClientProtocol probe;
  private MiniQuireCluster cluster;
  private FileSystem fs;

  QuireHealthCluster(File baseDir, int dataNodes, long blockSize, HealthSettings s)
      throws IOException {
    this.baseDir = baseDir;
    this.dataNodes = dataNodes;
    this.port = HealthBenchMain.freePort();
    conf = new Configuration();
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 3);
    conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, blockSize);
    conf.setLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY, s.heartbeatMs());
    conf.setLong(NameNodeConfigKeys.HEARTBEAT_EXPIRE_KEY, s.deadAfterMs());
    conf.setLong(NameNodeConfigKeys.MONITOR_INTERVAL_KEY, s.monitorMs());
    conf.setLong(NameNodeConfigKeys.SAFEMODE_EXTENSION_KEY, 0);
    conf.setInt("quire.namenode.replication.work.multiplier.per.iteration", s.workMultiplier());
    conf.setInt("quire.namenode.replication.max-streams", s.maxStreams());
    conf.setInt("quire.namenode.replication.max-streams-hard-limit", 2 * s.maxStreams());
    conf.setInt("ipc.client.connect.max.retries", 0);
    conf.setInt("ipc.client.connect.retry.interval", 10);
    probe = QuireRpc.createClientProxy(conf, new InetSocketAddress("localhost", port),
        UserGroupInformation.getCurrentUser());
    cluster = MiniQuireCluster.builder(conf).numDataNodes(dataNodes).baseDir(baseDir)
        .nameNodePort(port).build();
  }

  @Override public String name() { return "quire"; }

  @Override public synchronized FileSystem fileSystem() throws IOException {
    if (fs == null) {
      fs = FileSystem.newInstance(cluster.getURI(), cluster.getConfiguration());
    }
    return fs;
  }

  @Override public synchronized void shutdown() throws IOException {
    if (fs != null) {
      fs.close();
      fs = null;
    }
    cluster.close();
  }

  @Override public void start() throws IOException {
    MiniQuireCluster c = MiniQuireCluster.builder(conf).numDataNodes(dataNodes)
        .baseDir(baseDir).format(false).nameNodePort(port).build();
    synchronized (this) {
      cluster = c;
    }
  }

  @Override public boolean inSafeMode() throws IOException {
    return probe.setSafeMode(SafeModeAction.GET);
  }

  @Override public String stopDataNode(int i) {
    String addr = cluster.getDataNode(i).getDataNodeId().getDataAddress();
    cluster.stopDataNode(i);
    return addr;
  }

  @Override public int deadDataNodes() throws IOException {
    return (int) probe.getDataNodeReport().stream()
        .filter(d -> d.getState() == DataNodeInfo.State.DEAD).count();
  }

  @Override public void close() throws IOException {
    shutdown();
    QuireRpc.stopProxy(probe);
  }
}
