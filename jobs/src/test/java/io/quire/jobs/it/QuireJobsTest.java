package io.quire.jobs.it;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TargetDirs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;

/** The jobs on quire:// (one MiniQuireCluster for the class, 3 DataNodes). */
class QuireJobsTest extends JobsEndToEndContract {
  private MiniQuireCluster cluster;

  /** 1 here; an HA nameservice in {@link QuireHaJobsTest}. */
  int nameNodes() {
    return 1;
  }

  @Override
  protected Configuration fsConf() throws Exception {
    Configuration c = new Configuration();
    cluster = MiniQuireCluster.builder(c).nameNodes(nameNodes()).numDataNodes(3)
        .baseDir(TargetDirs.freshFile(getClass(), "cluster")).build();
    return cluster.getConfiguration();
  }

  @Override
  protected Path baseDir() throws Exception {
    return cluster.getFileSystem().makeQualified(new Path("/jobs-it"));
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }
}
