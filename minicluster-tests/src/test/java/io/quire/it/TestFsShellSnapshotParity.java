package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.fs.QuireFileSystem;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * FsShell's snapshot commands ({@code -createSnapshot}, {@code -renameSnapshot},
 * {@code -deleteSnapshot}) and reads through {@code .snapshot} ({@code -ls}, {@code -cat})
 * on Quire and on HDFS (MiniDFSCluster): the same commands print the same output and errors
 * (the file system's scheme and address aside) and exit the same way. A file appended and then
 * deleted live reads in the snapshot as it was; snapshot paths are read-only; ".snapshot" is a
 * reserved name; a snapshottable directory with snapshots can be neither deleted nor renamed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestFsShellSnapshotParity {
  private MiniQuireCluster quire;
  private MiniDFSCluster hdfs;
  private FsShellRunner onQuire;
  private FsShellRunner onHdfs;
  private File local;

  @BeforeAll
  void startClusters() throws Exception {
    File base = new File("target/fsshell-snapshot-" + System.nanoTime()).getAbsoluteFile();
    Configuration base1 = new Configuration();
    base1.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    quire = MiniQuireCluster.builder(base1).numDataNodes(1)
        .baseDir(new File(base, "quire")).build();
    Configuration hconf = new Configuration();
    hconf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base, "hdfs").getPath());
    hdfs = new MiniDFSCluster.Builder(hconf).numDataNodes(1).build();
    hdfs.waitActive();
    Configuration qc = new Configuration(quire.getConfiguration());
    qc.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    onQuire = new FsShellRunner(qc);
    Configuration hc = new Configuration(hdfs.getConfiguration(0));
    hc.set(FileSystem.FS_DEFAULT_NAME_KEY, hdfs.getURI().toString());
    hc.setInt("dfs.replication", 1);
    onHdfs = new FsShellRunner(hc);
    local = new File(base, "local");
    local.mkdirs();
    Files.write(new File(local, "v1.txt").toPath(), "first\n".getBytes(StandardCharsets.UTF_8));
    Files.write(new File(local, "more.txt").toPath(),
        "appended\n".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  void stopClusters() {
    if (quire != null) {
      quire.close();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
    if (local != null) {
      FileUtil.fullyDelete(local.getParentFile());
    }
  }

  /** dfsadmin -allowSnapshot on both (not an FsShell command). */
  private void allow(String dir) throws Exception {
    ((QuireFileSystem) quire.getFileSystem()).allowSnapshot(new Path(dir));
    ((DistributedFileSystem) hdfs.getFileSystem()).allowSnapshot(new Path(dir));
  }

  /** Output and errors with the file system's URI ("quire://h:p", "hdfs://h:p") as FS:. */
  private static String normalized(String s) {
    return s.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "DATE")
        .replaceAll("(quire|hdfs)://[^/\\s]+", "FS:");
  }

  private ShellResult same(String... args) throws Exception {
    String cmd = String.join(" ", args);
    ShellResult q = onQuire.run(args);
    ShellResult h = onHdfs.run(args);
    assertEquals(h.exitCode(), q.exitCode(), () -> "exit code of " + cmd + "\nquire out: "
        + q.out() + "quire err: " + q.err() + "\nhdfs out: " + h.out() + "hdfs err: "
        + h.err());
    assertEquals(normalized(h.out()), normalized(q.out()), () -> "output of " + cmd);
    assertEquals(normalized(h.err()), normalized(q.err()), () -> "errors of " + cmd);
    return q;
  }

  private ShellResult ok(String... args) throws Exception {
    ShellResult r = same(args);
    assertEquals(0, r.exitCode(), () -> String.join(" ", args) + " must succeed: " + r.err());
    return r;
  }

  private ShellResult fails(String... args) throws Exception {
    ShellResult r = same(args);
    assertNotEquals(0, r.exitCode(), String.join(" ", args) + " must fail");
    return r;
  }

  @Test
  void snapshotsReadDeleteRenameAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/snap/dir", "/plain");
    ok("-put", new File(local, "v1.txt").getPath(), "/snap/dir/f");
    allow("/snap");
    ShellResult created = ok("-createSnapshot", "/snap", "s1");
    assertEquals("Created snapshot /snap/.snapshot/s1\n", created.out());
    ok("-appendToFile", new File(local, "more.txt").getPath(), "/snap/dir/f");
    assertEquals("first\nappended\n", ok("-cat", "/snap/dir/f").out());
    assertEquals("first\n", ok("-cat", "/snap/.snapshot/s1/dir/f").out());
    ok("-rm", "-skipTrash", "/snap/dir/f");
    assertEquals("first\n", ok("-cat", "/snap/.snapshot/s1/dir/f").out(),
        "the snapshot reads the file deleted live as it was");
    ok("-ls", "/snap/.snapshot");
    ok("-ls", "/snap/.snapshot/s1/dir");
    ok("-ls", "-R", "/snap/.snapshot/s1");
    ok("-stat", "%n %b %F", "/snap/.snapshot/s1/dir/f");
    ok("-renameSnapshot", "/snap", "s1", "s2");
    ok("-ls", "/snap/.snapshot");
    fails("-cat", "/snap/.snapshot/s1/dir/f");
    assertEquals("first\n", ok("-cat", "/snap/.snapshot/s2/dir/f").out());
    ok("-createSnapshot", "/snap", "s3");
    ok("-ls", "/snap/.snapshot");

    // errors, as HDFS words them
    fails("-createSnapshot", "/snap", "s2");
    fails("-createSnapshot", "/plain", "x");
    fails("-deleteSnapshot", "/snap", "nosuch");
    fails("-renameSnapshot", "/snap", "nosuch", "x");
    fails("-renameSnapshot", "/snap", "s2", "s3");
    fails("-mkdir", "/snap/.snapshot/s2/x");
    fails("-mkdir", "/snap/.snapshot");
    fails("-mkdir", "/plain/.snapshot");
    fails("-touchz", "/snap/.snapshot/s2/dir/new");
    fails("-rm", "-r", "-skipTrash", "/snap");
    fails("-mv", "/snap", "/snap-moved");

    ok("-deleteSnapshot", "/snap", "s2");
    ok("-deleteSnapshot", "/snap", "s3");
    ok("-ls", "/snap/.snapshot");
    fails("-cat", "/snap/.snapshot/s2/dir/f");
    ok("-rm", "-r", "-skipTrash", "/snap");
  }

  @Test
  void defaultSnapshotNamesLookLikeHdfs() throws Exception {
    ok("-mkdir", "/named");
    allow("/named");
    String q = onQuire.run("-createSnapshot", "/named").out();
    String h = onHdfs.run("-createSnapshot", "/named").out();
    String pattern = "Created snapshot /named/\\.snapshot/s\\d{8}-\\d{6}\\.\\d{3}\n";
    assertTrue(normalized(q).matches(pattern), q);
    assertTrue(normalized(h).matches(pattern), h);
  }

  /** The AbstractFileSystem binding (FileContext) creates, renames and deletes snapshots. */
  @Test
  void fileContextBindsSnapshots() throws Exception {
    ok("-mkdir", "/fc");
    allow("/fc");
    org.apache.hadoop.fs.FileContext fc = org.apache.hadoop.fs.FileContext.getFileContext(
        quire.getURI(), quire.getConfiguration());
    Path s = fc.createSnapshot(new Path("/fc"), "a");
    assertEquals("/fc/.snapshot/a", s.toUri().getPath());
    fc.renameSnapshot(new Path("/fc"), "a", "b");
    assertTrue(fc.util().exists(new Path("/fc/.snapshot/b")));
    fc.deleteSnapshot(new Path("/fc"), "b");
    assertTrue(!fc.util().exists(new Path("/fc/.snapshot/b")));
    assertTrue(quire.getFileSystem().hasPathCapability(new Path("/fc"),
        org.apache.hadoop.fs.CommonPathCapabilities.FS_SNAPSHOTS));
  }
}
