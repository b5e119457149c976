package io.quire.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.jobs.JobsMain;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Hadoop's generic options on the jobs command line: before the command
 * ({@code jobs -D k=v run JOB ...}) as after it ({@code jobs run JOB -D k=v ...}) they reach the
 * job. An unknown {@code mapreduce.framework.name} shows it: the job cannot find a cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class JobsMainOptionsTest {
  private File dir;
  private String archive;

  @BeforeAll
  void generateBeforeWhichAGenericOptionStands() throws Exception {
    dir = TargetDirs.freshFile(JobsMainOptionsTest.class, "archive");
    archive = new File(dir, "bookstore").toURI().toString();
    assertThat(JobsMain.run(new Configuration(), new String[] {"-D", "io.file.buffer.size=8192",
        "generate", "--orders", "50", "--days", "3", "--seed", "1", "--books", "10", "--users",
        "20", "--out", archive})).isZero();
  }

  @Test
  void genericOptionBeforeTheCommandReachesTheJob() {
    assertThatThrownBy(() -> JobsMain.run(new Configuration(), new String[] {"-D",
        "mapreduce.framework.name=no-such-framework", "run", "revenue", "--in", archive, "--out",
        out("before")})).isInstanceOf(IOException.class)
        .hasMessageContaining("mapreduce.framework.name");
  }

  @Test
  void genericOptionAfterTheCommandReachesTheJob() {
    assertThatThrownBy(() -> JobsMain.run(new Configuration(), new String[] {"all", "-D",
        "mapreduce.framework.name=no-such-framework", "--in", archive, "--out", out("after")}))
        .isInstanceOf(IOException.class).hasMessageContaining("mapreduce.framework.name");
  }

  @Test
  void withoutTheOptionTheJobRunsLocally() throws Exception {
    assertThat(JobsMain.run(new Configuration(), new String[] {"run", "revenue", "--in",
        archive, "--out", out("local")})).isZero();
  }

  private String out(String name) {
    return new File(dir, "out-" + name).toURI().toString();
  }
}
