package io.quire.jobs.it;

import io.quire.minicluster.MiniQuireCluster;
import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Tag;

/** A job on YARN reading from and writing to quire:// (MiniQuireCluster). */
@Tag("quire-core")
class QuireYarnTest extends YarnContract {
  private MiniQuireCluster cluster;

  @Override
  protected Configuration fsConf() throws Exception {
    cluster = MiniQuireCluster.builder(new Configuration()).numDataNodes(3)
        .baseDir(new File("target/it/yarn-quire-" + System.nanoTime()).getAbsoluteFile()).build();
    return cluster.getConfiguration();
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
