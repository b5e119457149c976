package io.quire.bench;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * HDFS: Hadoop's MiniDFSCluster with the same DataNode count, replication 3, one name
 * directory holding the image and the edit log (as Quire's NameNode has one; MiniDFSCluster
 * would otherwise make two, and sync every edit to both), and (unless {@code skipFsync}) an
 * edit log fsynced before each mutation is answered, as in production.
 */
final class HdfsTarget implements ClusterUnderTest {
  private final MiniDFSCluster cluster;
  private final File baseDir;

  HdfsTarget(File baseDir, int dataNodes, boolean skipFsync) throws IOException {
    this(baseDir, dataNodes, skipFsync, null);
  }

  /** {@code syncOnClose}: dfs.datanode.synconclose (fsync replicas on close); null = default. */
  HdfsTarget(File baseDir, int dataNodes, boolean skipFsync, Boolean syncOnClose)
      throws IOException {
    this.baseDir = baseDir;
    Configuration conf = new Configuration();
    if (syncOnClose != null) {
      conf.setBoolean(DFSConfigKeys.DFS_DATANODE_SYNCONCLOSE_KEY, syncOnClose);
    }
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
    conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, 3);
    String nameDir = new File(baseDir, "name").toURI().toString();
    conf.set(DFSConfigKeys.DFS_NAMENODE_NAME_DIR_KEY, nameDir);
    conf.set(DFSConfigKeys.DFS_NAMENODE_EDITS_DIR_KEY, nameDir);
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(dataNodes)
        .manageNameDfsDirs(false).skipFsyncForTesting(skipFsync).build();
    cluster.waitActive();
  }

  @Override
  public File baseDir() {
    return baseDir;
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
  public void allowSnapshot(Path dir, boolean allow) throws IOException {
    DistributedFileSystem fs = cluster.getFileSystem();
    if (allow) {
      fs.allowSnapshot(dir);
    } else {
      fs.disallowSnapshot(dir);
    }
  }

  @Override
  public void close() {
    cluster.shutdown();
  }
}
