package io.quire.jobs.it;

import io.quire.testing.TargetDirs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** The jobs on file:// (Avro archive). */
class FileJobsTest extends JobsEndToEndContract {
  @Override
  protected Configuration fsConf() {
    return new Configuration();
  }

  @Override
  protected Path baseDir() throws Exception {
    return new Path(TargetDirs.fresh(getClass(), "jobs").toUri());
  }
}
