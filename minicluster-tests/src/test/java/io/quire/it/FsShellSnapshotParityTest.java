package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.fs.QuireFileSystem;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
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
 * reserved name; a snapshottable directory with snapshots can be neither deleted nor renamed;
 * {@code -truncate -w} inside a block a snapshot holds leaves the snapshot's content whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FsShellSnapshotParityTest {
  private ShellParity parity;
  private MiniQuireCluster quire;
  private String v1;
  private String more;

  @BeforeAll
  void startClusters() throws Exception {
    parity = ShellParity.start(getClass(), 1, 1,
        c -> c.setInt(QuireConfigKeys.REPLICATION_KEY, 1), c -> c.setInt("dfs.replication", 1))
        .comparingErrors(ShellParity::schemeAndHostAside);
    quire = parity.quire();
    v1 = parity.localFile("v1.txt", "first\n");
    more = parity.localFile("more.txt", "appended\n");
  }

  @AfterAll
  void stopClusters() {
    if (parity != null) {
      parity.close();
    }
  }

  /** dfsadmin -allowSnapshot on both (not an FsShell command). */
  private void allow(String dir) throws Exception {
    ((QuireFileSystem) quire.getFileSystem()).allowSnapshot(new Path(dir));
    ((DistributedFileSystem) parity.hdfs().getFileSystem()).allowSnapshot(new Path(dir));
  }

  private ShellResult same(String... args) throws Exception {
    return parity.same(args);
  }

  private ShellResult ok(String... args) throws Exception {
    return parity.ok(args);
  }

  private ShellResult fails(String... args) throws Exception {
    return parity.fails(args);
  }

  @Test
  void snapshotsReadDeleteRenameAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/snap/dir", "/plain");
    ok("-put", v1, "/snap/dir/f");
    allow("/snap");
    ShellResult created = ok("-createSnapshot", "/snap", "s1");
    assertEquals("Created snapshot /snap/.snapshot/s1\n", created.out());
    ok("-appendToFile", more, "/snap/dir/f");
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

  /**
   * Copy on truncate: {@code -truncate -w} inside a block a snapshot holds cuts the live file
   * and leaves the snapshot's content whole, on both.
   */
  @Test
  void truncateInsideASnapshottedBlockAsOnHdfs() throws Exception {
    String digits = parity.localFile("digits.txt", "0123456789\n");
    ok("-mkdir", "/trunc");
    ok("-put", digits, "/trunc/f");
    allow("/trunc");
    ok("-createSnapshot", "/trunc", "s1");
    ok("-truncate", "-w", "4", "/trunc/f");
    // -w waits for the new length, which both show at once: wait for the recovery itself
    org.awaitility.Awaitility.await("truncate recovery on both").atMost(
        io.quire.testing.Timing.seconds(60)).until(() ->
            ((QuireFileSystem) quire.getFileSystem()).isFileClosed(new Path("/trunc/f"))
            && ((DistributedFileSystem) parity.hdfs().getFileSystem())
                .isFileClosed(new Path("/trunc/f")));
    assertEquals("0123", ok("-cat", "/trunc/f").out());
    assertEquals("0123456789\n", ok("-cat", "/trunc/.snapshot/s1/f").out());
    ok("-stat", "%n %b", "/trunc/f", "/trunc/.snapshot/s1/f");
    ok("-rm", "-skipTrash", "/trunc/f");
    assertEquals("0123456789\n", ok("-cat", "/trunc/.snapshot/s1/f").out());
    ok("-deleteSnapshot", "/trunc", "s1");
    ok("-rm", "-r", "-skipTrash", "/trunc");
  }

  @Test
  void defaultSnapshotNamesLookLikeHdfs() throws Exception {
    ok("-mkdir", "/named");
    allow("/named");
    String q = parity.onQuire().run("-createSnapshot", "/named").out();
    String h = parity.onHdfs().run("-createSnapshot", "/named").out();
    String pattern = "Created snapshot /named/\\.snapshot/s\\d{8}-\\d{6}\\.\\d{3}\n";
    assertTrue(ShellParity.schemeAndHostAside(q).matches(pattern), q);
    assertTrue(ShellParity.schemeAndHostAside(h).matches(pattern), h);
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
