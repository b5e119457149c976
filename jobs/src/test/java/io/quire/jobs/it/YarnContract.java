package io.quire.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.jobs.JobsMain;
import io.quire.jobs.reference.ReferenceArchive;
import io.quire.jobs.reference.ReferenceFigures;
import io.quire.jobs.revenue.RevenueJob;
import io.quire.testing.TargetDirs;
import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.MiniMRClientCluster;
import org.apache.hadoop.mapred.MiniMRClientClusterFactory;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The revenue job on YARN (MiniMRYarnCluster: ResourceManager, NodeManager, separate task JVMs)
 * reading from and writing to the FileSystem a subclass provides; results equal the plain-Java
 * reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
abstract class YarnContract {
  private MiniMRClientCluster yarn;
  private Configuration conf;

  /** Configuration with fs.defaultFS of the FileSystem under test. */
  protected abstract Configuration fsConf() throws Exception;

  /** A fresh, fully qualified base directory on it. */
  protected abstract Path baseDir() throws Exception;

  /** Stops the FileSystem's cluster. */
  protected abstract void stopFs() throws Exception;

  @BeforeAll
  void startYarn() throws Exception {
    Configuration c = new Configuration(fsConf());
    yarn = MiniMRClientClusterFactory.create(getClass(), 1, c);
    conf = yarn.getConfig();
    conf.set(MRJobConfig.JAR, JobJar.of(RevenueJob.class,
        new File(TargetDirs.freshFile(getClass(), "job"), "job.jar"))
        .getAbsolutePath());
  }

  @AfterAll
  void stopAll() throws Exception {
    if (yarn != null) {
      yarn.stop();
    }
    stopFs();
  }

  @Test
  void revenueJobOnYarnEqualsReference() throws Exception {
    Path base = baseDir();
    Path archive = new Path(base, "bookstore");
    Path out = new Path(base, "out/revenue");
    assertThat(JobsMain.run(new Configuration(conf), new String[] {"generate", "--orders",
        "1500", "--days", "40", "--seed", "3", "--books", "80", "--users", "300",
        "--malformed-share", "0.02", "--out", archive.toString()})).isZero();
    assertThat(conf.get("mapreduce.framework.name")).isEqualTo("yarn");
    assertThat(ToolRunner.run(new Configuration(conf), new RevenueJob(),
        new String[] {"--in", archive.toString(), "--out", out.toString()})).isZero();
    ReferenceFigures ref = new ReferenceFigures(new ReferenceArchive(conf, archive));
    assertThat(OutputLines.of(conf, new Path(out, "month"))).isEqualTo(ref.revenue(false));
    assertThat(OutputLines.of(conf, new Path(out, "day"))).isEqualTo(ref.revenue(true));
    assertThat(OutputLines.malformedByReason(conf, new Path(out, "malformed")))
        .isEqualTo(ref.malformed());
  }
}
