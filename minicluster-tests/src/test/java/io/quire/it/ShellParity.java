package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivilegedExceptionAction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Quire and HDFS side by side for the FsShell parity tests: a MiniQuireCluster and a
 * MiniDFSCluster with as many DataNodes, an {@link FsShellRunner} on each, a local directory
 * for files to put, and the comparison they all make: the same command on both must exit the
 * same way and print the same output (timestamps and the file systems' scheme and address
 * aside) and, as each test chooses ({@link #ignoringErrors} or a filter), the same errors.
 * One per test class ({@code @BeforeAll}); data under {@code target/}.
 */
final class ShellParity implements AutoCloseable {
  /** Error output as a test compares it: a filter of stderr (the default: none compared). */
  static final UnaryOperator<String> IGNORING_ERRORS = err -> "";

  private final MiniQuireCluster quire;
  private final MiniDFSCluster hdfs;
  private final Configuration quireConf;
  private final Configuration hdfsConf;
  private final FsShellRunner onQuire;
  private final FsShellRunner onHdfs;
  private final File base;
  private final File local;
  private UnaryOperator<String> errors = IGNORING_ERRORS;

  /**
   * Starts both clusters.
   *
   * @param test the test class, which names the directory (see {@link TargetDirs})
   * @param quireSettings applied to the Quire cluster's and its shell's configuration
   * @param hdfsSettings applied to the HDFS cluster's and its shell's configuration
   */
  static ShellParity start(Class<?> test, int quireNameNodes, int dataNodes,
      Consumer<Configuration> quireSettings, Consumer<Configuration> hdfsSettings)
      throws IOException {
    File base = TargetDirs.freshFile(test, "clusters");
    MiniQuireCluster quire = null;
    MiniDFSCluster hdfs = null;
    try {
      Configuration qc = new Configuration();
      quireSettings.accept(qc);
      quire = MiniQuireCluster.builder(qc).nameNodes(quireNameNodes).numDataNodes(dataNodes)
          .baseDir(new File(base, "quire")).build();
      Configuration hc = new Configuration();
      hc.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base, "hdfs").getPath());
      hdfsSettings.accept(hc);
      hdfs = new MiniDFSCluster.Builder(hc).numDataNodes(dataNodes).build();
      hdfs.waitActive();
      return new ShellParity(base, quire, hdfs, quireSettings, hdfsSettings);
    } catch (IOException | RuntimeException e) {
      if (quire != null) {
        quire.close();
      }
      if (hdfs != null) {
        hdfs.shutdown();
      }
      throw e;
    }
  }

  private ShellParity(File base, MiniQuireCluster quire, MiniDFSCluster hdfs,
      Consumer<Configuration> quireSettings, Consumer<Configuration> hdfsSettings) {
    this.base = base;
    this.quire = quire;
    this.hdfs = hdfs;
    quireConf = new Configuration(quire.getConfiguration());
    quireSettings.accept(quireConf);
    hdfsConf = new Configuration(hdfs.getConfiguration(0));
    hdfsConf.set(FileSystem.FS_DEFAULT_NAME_KEY, hdfs.getURI().toString());
    hdfsSettings.accept(hdfsConf);
    onQuire = new FsShellRunner(quireConf);
    onHdfs = new FsShellRunner(hdfsConf);
    local = new File(base, "local");
    local.mkdirs();
  }

  /** Compares stderr through {@code filter} (e.g. {@link #schemeAndHostAside}) from now on. */
  ShellParity comparingErrors(UnaryOperator<String> filter) {
    this.errors = filter;
    return this;
  }

  /** Text with timestamps as DATE and "quire://h:p" / "hdfs://h:p" as "FS:". */
  static String schemeAndHostAside(String s) {
    return s.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "DATE")
        .replaceAll("(quire|hdfs)://[^/\\s]+", "FS:");
  }

  MiniQuireCluster quire() { return quire; }

  MiniDFSCluster hdfs() { return hdfs; }

  /** The configuration the Quire shell runs with (the cluster's plus the test's settings). */
  Configuration quireConf() { return quireConf; }

  Configuration hdfsConf() { return hdfsConf; }

  FsShellRunner onQuire() { return onQuire; }

  FsShellRunner onHdfs() { return onHdfs; }

  /** Writes a local file (for -put, -appendToFile) and answers its path. */
  String localFile(String name, byte[] content) throws IOException {
    File f = new File(local, name);
    Files.write(f.toPath(), content);
    return f.getPath();
  }

  String localFile(String name, String text) throws IOException {
    return localFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A path in the local directory (nothing written). */
  File local(String name) {
    return new File(local, name);
  }

  /** Runs on both; asserts equal exit code, output and compared errors; returns Quire's. */
  ShellResult same(String... args) throws Exception {
    return compare(String.join(" ", args), onQuire.run(args), onHdfs.run(args));
  }

  /** {@link #same} as {@code user}. */
  ShellResult sameAs(UserGroupInformation user, String... args) throws Exception {
    ShellResult q = user.doAs((PrivilegedExceptionAction<ShellResult>) () -> onQuire.run(args));
    ShellResult h = user.doAs((PrivilegedExceptionAction<ShellResult>) () -> onHdfs.run(args));
    return compare("(" + user.getShortUserName() + ") " + String.join(" ", args), q, h);
  }

  /** {@link #same}, and the command must succeed. */
  ShellResult ok(String... args) throws Exception {
    ShellResult r = same(args);
    assertEquals(0, r.exitCode(), () -> String.join(" ", args) + " must succeed: " + r.err());
    return r;
  }

  /** {@link #same}, and the command must fail. */
  ShellResult fails(String... args) throws Exception {
    ShellResult r = same(args);
    assertNotEquals(0, r.exitCode(), String.join(" ", args) + " must fail");
    return r;
  }

  private ShellResult compare(String cmd, ShellResult q, ShellResult h) {
    assertEquals(h.exitCode(), q.exitCode(), () -> "exit code of " + cmd + "\nquire out: "
        + q.out() + "quire err: " + q.err() + "\nhdfs out: " + h.out() + "hdfs err: "
        + h.err());
    assertEquals(schemeAndHostAside(h.out()), schemeAndHostAside(q.out()), () -> "output of "
        + cmd + "\nquire err: " + q.err() + "\nhdfs err: " + h.err());
    assertEquals(errors.apply(h.err()), errors.apply(q.err()), () -> "errors of " + cmd);
    return q;
  }

  @Override public void close() {
    try {
      quire.close();
    } finally {
      hdfs.shutdown();
      FileUtil.fullyDelete(base);
    }
  }
}
