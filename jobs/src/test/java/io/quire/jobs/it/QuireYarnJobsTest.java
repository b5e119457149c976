package io.quire.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.fs.QuireFileSystem;
import io.quire.jobs.JobsMain;
import io.quire.jobs.reference.ReferenceArchive;
import io.quire.jobs.reference.ReferenceFigures;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.minicluster.MiniQuireClusterMain;
import io.quire.minicluster.MiniQuireYarn;
import io.quire.testing.TargetDirs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every bookstore job ({@code jobs all}) submitted to a YARN cluster on quire://
 * ({@link MiniQuireYarn}) writes the same files, byte for byte, as the same command with the
 * LocalJobRunner. The client is set up as {@code scripts/quire jobs} is: its configuration is
 * only the core-site.xml, yarn-site.xml and mapred-site.xml that {@code quire minicluster --yarn}
 * writes, and YARN is chosen with {@code -D mapreduce.framework.name=yarn}. The containers'
 * classpath is the NodeManager host's installation (Hadoop and the Quire client jars, without
 * this module's classes) plus the job jar: nothing comes from this JVM's classpath.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class QuireYarnJobsTest {
  private MiniQuireCluster quire;
  private MiniQuireYarn yarn;
  private Configuration client;
  private org.apache.hadoop.fs.Path archive;
  private org.apache.hadoop.fs.Path localOut;
  private org.apache.hadoop.fs.Path yarnOut;

  @BeforeAll
  void runAllJobsLocallyAndOnYarn() throws Exception {
    File dir = TargetDirs.freshFile(getClass(), "cluster");
    quire = MiniQuireCluster.builder(new Configuration()).numDataNodes(3)
        .baseDir(new File(dir, "quire")).build();
    yarn = MiniQuireYarn.builder(quire).name(getClass().getSimpleName())
        .nodeClasspath(nodeClasspath()).build();
    File confDir = new File(dir, "conf");
    MiniQuireClusterMain.writeClientConf(quire, new File(confDir, "core-site.xml"));
    yarn.clientSite().write(confDir);
    client = new Configuration();
    for (String site : List.of("core-site.xml", "yarn-site.xml", "mapred-site.xml")) {
      client.addResource(new org.apache.hadoop.fs.Path(new File(confDir, site).toURI()));
    }
    assertThat(client.getBoolean("yarn.is.minicluster", false)).isFalse();
    assertThat(client.get("yarn.app.mapreduce.am.staging-dir"))
        .isEqualTo(quire.getURI().resolve("/yarn/staging").toString());
    assertThat(client.getInt("mapreduce.map.memory.mb", 0)).isEqualTo(512);
    // scripts/quire runs the module jar, which setJarByClass finds; here the classes are a
    // directory, so the job jar is packed from it.
    client.set(MRJobConfig.JAR, JobJar.of(JobsMain.class, new File(dir, "job.jar")).getPath());

    FileSystem fs = quire.getFileSystem();
    org.apache.hadoop.fs.Path base = fs.makeQualified(new org.apache.hadoop.fs.Path("/yarn-it"));
    archive = new org.apache.hadoop.fs.Path(base, "bookstore");
    localOut = new org.apache.hadoop.fs.Path(base, "out-local");
    yarnOut = new org.apache.hadoop.fs.Path(base, "out-yarn");
    assertThat(JobsMain.run(new Configuration(client), new String[] {"generate", "--orders",
        "1500", "--days", "40", "--seed", "7", "--books", "80", "--users", "300",
        "--malformed-share", "0.02", "--out", archive.toString()})).isZero();
    assertThat(JobsMain.run(new Configuration(client), new String[] {"all", "--in",
        archive.toString(), "--out", localOut.toString()})).isZero();
    assertThat(JobsMain.run(new Configuration(client), new String[] {"all", "-D",
        "mapreduce.framework.name=yarn", "--in", archive.toString(), "--out",
        yarnOut.toString()})).isZero();
  }

  /**
   * This JVM's classpath without this module's classes and test classes: what a NodeManager
   * host with Hadoop and the Quire client jars installed offers a container.
   */
  private List<String> nodeClasspath() throws Exception {
    String jobsClasses = codeSource(JobsMain.class);
    String testClasses = codeSource(getClass());
    List<String> cp = Arrays.stream(System.getProperty("java.class.path")
        .split(File.pathSeparator))
        .filter(e -> !same(e, jobsClasses) && !same(e, testClasses)).toList();
    assertThat(cp).anyMatch(e -> same(e, codeSource(QuireFileSystem.class)));
    return cp;
  }

  private static String codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean same(String entry, String path) {
    return Path.of(entry).toAbsolutePath().normalize().equals(Path.of(path).normalize());
  }

  @AfterAll
  void stop() {
    if (yarn != null) {
      yarn.close();
    }
    if (quire != null) {
      quire.close();
    }
  }

  @Test
  void yarnWritesTheSameFilesAsTheLocalJobRunner() throws Exception {
    Map<String, byte[]> local = files(localOut);
    Map<String, byte[]> onYarn = files(yarnOut);
    assertThat(local.keySet()).filteredOn(n -> n.contains("/part-")).hasSizeGreaterThan(10);
    assertThat(onYarn.keySet()).isEqualTo(local.keySet());
    for (Map.Entry<String, byte[]> e : local.entrySet()) {
      assertThat(new String(onYarn.get(e.getKey()), java.nio.charset.StandardCharsets.UTF_8))
          .as(e.getKey()).isEqualTo(new String(e.getValue(),
              java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyJobRanOnTheResourceManager() throws Exception {
    long jobs = files(yarnOut).keySet().stream().filter(n -> n.endsWith("/_SUCCESS")).count();
    assertThat(jobs).isGreaterThanOrEqualTo(JobsMain.jobs().size());
    try (YarnClient rm = YarnClient.createYarnClient()) {
      rm.init(new Configuration(client));
      rm.start();
      List<ApplicationReport> apps = rm.getApplications(EnumSet.allOf(
          YarnApplicationState.class));
      assertThat(apps).hasSize((int) jobs);
      assertThat(apps).allSatisfy(a -> {
        assertThat(a.getYarnApplicationState()).isEqualTo(YarnApplicationState.FINISHED);
        assertThat(a.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
      });
    }
  }

  @Test
  void revenueOnYarnEqualsTheReference() throws Exception {
    ReferenceFigures ref = new ReferenceFigures(new ReferenceArchive(client, archive));
    assertThat(OutputLines.of(client, new org.apache.hadoop.fs.Path(yarnOut, "revenue/month")))
        .isEqualTo(ref.revenue(false));
  }

  /** Every file under {@code root} by its path relative to it, with its bytes. */
  private Map<String, byte[]> files(org.apache.hadoop.fs.Path root) throws Exception {
    FileSystem fs = root.getFileSystem(client);
    String prefix = fs.makeQualified(root).toUri().getPath() + "/";
    Map<String, byte[]> m = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus st = it.next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (InputStream in = fs.open(st.getPath())) {
        in.transferTo(bytes);
      }
      m.put(st.getPath().toUri().getPath().substring(prefix.length()), bytes.toByteArray());
    }
    return m;
  }
}
