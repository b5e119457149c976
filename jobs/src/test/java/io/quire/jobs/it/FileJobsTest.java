package io.quire.jobs.it;

import java.io.File;
import org.apache.commons.io.FileUtils;
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
    File d = new File("target/it/" + getClass().getSimpleName()).getAbsoluteFile();
    FileUtils.deleteDirectory(d);
    return new Path(d.toURI());
  }
}
