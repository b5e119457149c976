package io.quire.jobs.it;

import io.quire.testing.TargetDirs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A job on YARN reading from and writing to hdfs:// (MiniDFSCluster). */
class HdfsYarnTest extends YarnContract {
  private MiniDFSCluster dfs;

  @Override
  protected Configuration fsConf() throws Exception {
    Configuration c = new Configuration();
    c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR,
        TargetDirs.freshFile(getClass(), "dfs").getPath());
    dfs = new MiniDFSCluster.Builder(c).numDataNodes(3).build();
    dfs.waitActive();
    return dfs.getConfiguration(0);
  }

  @Override
  protected Path baseDir() throws Exception {
    return dfs.getFileSystem().makeQualified(new Path("/yarn-it"));
  }

  @Override
  protected void stopFs() {
    if (dfs != null) {
      dfs.shutdown();
    }
  }
}
