package io.quire.jobs.it;

import io.quire.minicluster.MiniQuireCluster;
import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A job on YARN reading from and writing to quire:// (MiniQuireCluster). */
class QuireYarnTest extends YarnContract {
  private MiniQuireCluster cluster;

  @Override
  protected Configuration fsConf() throws Exception {
    cluster = MiniQuireCluster.builder(new Configuration()).numDataNodes(3)
        .baseDir(new File("target/it/yarn-quire-" + System.nanoTime()).getAbsoluteFile()).build();
    Configuration c = new Configuration(cluster.getConfiguration());
    // YARN stages job files through FileContext, which needs Quire's AbstractFileSystem binding.
    c.setIfUnset("fs.AbstractFileSystem.quire.impl", "io.quire.fs.QuireFs");
    return c;
  }

  @Override
  protected Path baseDir() throws Exception {
    return cluster.getFileSystem().makeQualified(new Path("/yarn-it"));
  }

  @Override
  protected void stopFs() {
    if (cluster != null) {
      cluster.close();
    }
  }
}
