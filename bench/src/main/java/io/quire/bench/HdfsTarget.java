package io.quire.bench;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** HDFS: Hadoop's MiniDFSCluster with the same DataNode count, replication 3. */
final class HdfsTarget implements ClusterUnderTest {
  private final MiniDFSCluster cluster;

  HdfsTarget(File baseDir, int dataNodes) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
    conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, 3);
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(dataNodes).build();
    cluster.waitActive();
  }

  @Override
  public String name() {
    return "hdfs";
  }

  @Override
  public FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  @Override
  public void close() {
    cluster.shutdown();
  }
}
