package io.quire.jobs.it;

import io.quire.testing.TargetDirs;
import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;

/** The jobs on hdfs:// (one MiniDFSCluster for the class, 3 DataNodes). */
class HdfsJobsTest extends JobsEndToEndContract {
  private MiniDFSCluster cluster;

  @Override
  protected Configuration fsConf() throws Exception {
    Configuration c = new Configuration();
    File base = TargetDirs.freshFile(getClass(), "dfs");
    c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getPath());
    cluster = new MiniDFSCluster.Builder(c).numDataNodes(3).build();
    cluster.waitActive();
    return cluster.getConfiguration(0);
  }

  @Override
  protected Path baseDir() throws Exception {
    return cluster.getFileSystem().makeQualified(new Path("/jobs-it"));
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }
}
