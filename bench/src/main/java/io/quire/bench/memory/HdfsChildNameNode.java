package io.quire.bench.memory;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * HDFS's NameNode as a real one runs (edit log fsynced, unlike MiniDFSCluster's default), one
 * name directory for image and edits, on 127.0.0.1:{@code port}, the retry cache's expiry as
 * given (see {@link MemoryBenchMain}); checkpoints with
 * {@code saveNamespace} (safe mode entered and left around it, as {@code hdfs dfsadmin
 * -saveNamespace} requires).
 */
final class HdfsChildNameNode implements ChildNameNode {
  private final Configuration conf = new HdfsConfiguration();
  private final File nameDir;
  private NameNode nn;

  HdfsChildNameNode(File nameDir, int port, long retryCacheExpiryMs) {
    this.nameDir = nameDir;
    String dir = nameDir.toURI().toString();
    conf.set(FileSystem.FS_DEFAULT_NAME_KEY, "hdfs://127.0.0.1:" + port);
    conf.set(DFSConfigKeys.DFS_NAMENODE_RPC_ADDRESS_KEY, "127.0.0.1:" + port);
    conf.set(DFSConfigKeys.DFS_NAMENODE_HTTP_ADDRESS_KEY, "127.0.0.1:0");
    conf.set(DFSConfigKeys.DFS_NAMENODE_NAME_DIR_KEY, dir);
    conf.set(DFSConfigKeys.DFS_NAMENODE_EDITS_DIR_KEY, dir);
    conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, 3);
    conf.setInt(DFSConfigKeys.DFS_NAMENODE_SAFEMODE_EXTENSION_KEY, 0);
    conf.setLong(DFSConfigKeys.DFS_NAMENODE_RETRY_CACHE_EXPIRYTIME_MILLIS_KEY,
        retryCacheExpiryMs);
    // The fake DataNodes register from 127.0.0.1, which need not resolve to a host name.
    conf.setBoolean(DFSConfigKeys.DFS_NAMENODE_DATANODE_REGISTRATION_IP_HOSTNAME_CHECK_KEY,
        false);
  }

  @Override public void format() throws IOException {
    // format and start both build an FSNamesystem in this JVM: its metrics sources twice
    DefaultMetricsSystem.setMiniClusterMode(true);
    NameNode.format(conf);
  }

  @Override public void start() throws IOException {
    nn = NameNode.createNameNode(new String[0], conf);
  }

  @Override public long checkpoint() throws IOException {
    nn.getRpcServer().setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_ENTER, false);
    nn.getRpcServer().saveNamespace(0, 0);
    nn.getRpcServer().setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_LEAVE, false);
    File[] images = new File(nameDir, "current").listFiles(
        (d, n) -> n.matches("fsimage_\\d+"));
    if (images == null || images.length == 0) {
      throw new IOException("saveNamespace: no fsimage_* in " + nameDir + "/current");
    }
    File newest = images[0];
    for (File f : images) {
      if (f.getName().compareTo(newest.getName()) > 0) {
        newest = f; // fixed-width txids: the name orders them
      }
    }
    return newest.length();
  }

  @Override public void stop() {
    if (nn != null) {
      nn.stop();
      nn.join();
    }
  }
}
