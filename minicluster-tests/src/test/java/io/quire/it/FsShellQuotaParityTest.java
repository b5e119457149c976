package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.admin.AdminMain;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.exceptions.DSQuotaExceededException;
import io.quire.testing.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ClusterStorageCapacityExceededException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LeaseRecoverable;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.QuotaUsage;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Quotas on Quire and on HDFS (MiniDFSCluster), side by side: {@code fs -count -q} (with
 * {@code -h}, {@code -v}, {@code -u}) prints the same; operations that would exceed a name or
 * space quota fail on both with the same error text (FsShell's output and stderr, the scheme
 * and host aside); setQuota refuses the same values and paths with the same messages. Both
 * clusters: one DataNode, replication 1, 1 MB blocks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FsShellQuotaParityTest {
  private static final long MB = 1024 * 1024;
  private static final long DONT_SET = Long.MAX_VALUE;
  private static final UserGroupInformation BOB =
      UserGroupInformation.createUserForTesting("bob", new String[] {"bobs"});

  private ShellParity parity;
  private Configuration quireConf;
  private FileSystem qfs;
  private FileSystem hfs;
  private String small;
  private String big;

  @BeforeAll
  void startClusters() throws Exception {
    parity = ShellParity.start(getClass(), 1, 1, c -> {
      c.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
      c.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, MB);
    }, c -> {
      c.setInt("dfs.replication", 1);
      c.setLong("dfs.blocksize", MB);
    }).comparingErrors(FsShellQuotaParityTest::errText);
    quireConf = parity.quireConf();
    qfs = FileSystem.newInstance(parity.quire().getURI(), quireConf);
    hfs = FileSystem.newInstance(parity.hdfs().getURI(), parity.hdfsConf());
    small = parity.localFile("small.txt", new byte[1000]);
    big = parity.localFile("big.bin", new byte[(int) (3 * MB + MB / 2)]);
  }

  @AfterAll
  void stopClusters() throws IOException {
    if (qfs != null) {
      qfs.close();
      hfs.close();
    }
    if (parity != null) {
      parity.close();
    }
  }

  /** Runs on both; equal exit code, output and (scheme and host aside) error text. */
  private ShellResult same(String... args) throws Exception {
    return parity.same(args);
  }

  /** Error lines without scheme and authority (and without HDFS client log lines). */
  private static String errText(String err) {
    StringBuilder sb = new StringBuilder();
    for (String line : err.split("\n")) {
      if (line.startsWith("put:") || line.startsWith("mkdir:") || line.startsWith("touchz:")
          || line.startsWith("mv:") || line.startsWith("count:") || line.startsWith("setrep:")
          || line.startsWith("cp:")) {
        sb.append(line.replaceAll("(quire|hdfs)://[^/ ]+", "FS")).append('\n');
      }
    }
    return sb.toString();
  }

  private ShellResult ok(String... args) throws Exception {
    return parity.ok(args);
  }

  private ShellResult failsOnBoth(String... args) throws Exception {
    ShellResult r = parity.fails(args);
    assertTrue(r.err().contains("quota"), r.err());
    return r;
  }

  private void setQuota(String path, long ns, long ss) throws IOException {
    qfs.setQuota(new Path(path), ns, ss);
    hfs.setQuota(new Path(path), ns, ss);
  }

  @Test
  void nameQuotaCountAndErrorsAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/nq/a", "/other/x/y");
    setQuota("/nq", 4, DONT_SET);
    ok("-count", "-q", "/nq");
    ok("-count", "-q", "-h", "/nq");
    ok("-count", "-q", "-v", "/nq", "/other");
    ok("-touchz", "/nq/a/f1");
    ok("-touchz", "/nq/f2");
    ok("-count", "-q", "/nq");
    failsOnBoth("-touchz", "/nq/f3");
    failsOnBoth("-mkdir", "/nq/b");
    // A rename that would exceed the target's quota fails and changes nothing.
    failsOnBoth("-mv", "/other/x", "/nq/a");
    ok("-ls", "-R", "/other");
    ok("-count", "-q", "/nq", "/other");
    ok("-rm", "/nq/f2");
    ok("-mv", "/nq/a/f1", "/other/f1");
    ok("-count", "-q", "-u", "/nq");
    ok("-mv", "/other/x/y", "/nq/a");
    ok("-count", "-q", "-h", "-u", "/nq");
    setQuota("/nq", -1, DONT_SET);
    ok("-count", "-q", "/nq");
    ok("-count", "-q", "-u", "-v", "/nq");
  }

  @Test
  void spaceQuotaCountAndErrorsAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/sq", "/sq2");
    setQuota("/sq", DONT_SET, 2 * MB + MB / 2);
    ok("-count", "-q", "/sq");
    ok("-count", "-q", "-h", "/sq");
    // The third 1 MB block crosses 2.5 MB: refused with HDFS's text (put removes its copy).
    failsOnBoth("-put", big, "/sq/big");
    ok("-count", "-q", "/sq");
    ok("-put", small, "/sq/small");
    ok("-count", "-q", "/sq");
    ok("-count", "-q", "-h", "-v", "/sq");
    ok("-setrep", "2", "/sq/small");
    ok("-count", "-q", "/sq");
    ok("-count", "-q", "-u", "/sq");
    // 1 MB blocks: a 2 KB space quota admits no new block, so the file goes in first.
    ok("-put", small, "/sq2/small");
    setQuota("/sq2", 10, 2048);
    failsOnBoth("-setrep", "3", "/sq2/small");
    ok("-count", "-q", "-h", "/sq2");
    // A file written elsewhere does not fit when moved in.
    ok("-put", small, "/small-out");
    ok("-setrep", "2", "/small-out");
    failsOnBoth("-mv", "/small-out", "/sq2/");
    ok("-ls", "/small-out");
    setQuota("/sq2", DONT_SET, -1);
    ok("-count", "-q", "/sq2");
    ok("-mv", "/small-out", "/sq2/");
    ok("-count", "-q", "/sq2");
  }

  /** Same exception (simple class name, message) from both clients' setQuota. */
  private void sameSetQuotaError(String path, long ns, long ss, boolean asBob) throws Exception {
    Exception q = setQuotaError(qfs, path, ns, ss, asBob);
    Exception h = setQuotaError(hfs, path, ns, ss, asBob);
    assertNotNull(h, "HDFS accepted setQuota " + path + " " + ns + " " + ss);
    assertNotNull(q, "Quire accepted setQuota " + path + " " + ns + " " + ss);
    String hClass = h instanceof RemoteException re ? re.getClassName() : h.getClass().getName();
    assertEquals(hClass.substring(hClass.lastIndexOf('.') + 1), q.getClass().getSimpleName(),
        () -> "setQuota " + path + ": quire " + q + " hdfs " + h);
    // HDFS's RemoteException text carries the NameNode's stack trace after the message.
    assertEquals(h.getMessage().split("\n")[0], q.getMessage());
  }

  private static Exception setQuotaError(FileSystem fs, String path, long ns, long ss,
      boolean asBob) throws Exception {
    PrivilegedExceptionAction<Exception> a = () -> {
      try {
        FileSystem f = asBob ? FileSystem.newInstance(fs.getUri(), fs.getConf()) : fs;
        try {
          f.setQuota(new Path(path), ns, ss);
        } finally {
          if (asBob) {
            f.close();
          }
        }
        return null;
      } catch (IOException | IllegalArgumentException e) {
        return e;
      }
    };
    return asBob ? BOB.doAs(a) : a.run();
  }

  @Test
  void setQuotaRefusesWhatHdfsRefuses() throws Exception {
    ok("-mkdir", "-p", "/refuse");
    ok("-touchz", "/refuse/file");
    sameSetQuotaError("/refuse", 0, DONT_SET, false);
    sameSetQuotaError("/refuse", -5, DONT_SET, false);
    sameSetQuotaError("/refuse", DONT_SET, -2, false);
    sameSetQuotaError("/nope", 5, DONT_SET, false);
    sameSetQuotaError("/refuse/file", 5, DONT_SET, false);
    sameSetQuotaError("/refuse", 5, DONT_SET, true);
    sameSetQuotaError("/refuse/nope", DONT_SET, 5, false);
    QuotaUsage u = qfs.getQuotaUsage(new Path("/refuse"));
    assertEquals(-1, u.getQuota());
    assertEquals(hfs.getQuotaUsage(new Path("/refuse")), u);
  }

  /**
   * A write that crosses the space quota fails at the block that crosses it; the blocks
   * before it stay (the file, once recovered, holds them).
   */
  @Test
  void aWriteFailsAtTheBlockThatCrossesTheSpaceQuota() throws Exception {
    Path dir = new Path("/cross");
    qfs.mkdirs(dir);
    qfs.setQuota(dir, DONT_SET, 2 * MB + MB / 2);
    Path f = new Path(dir, "f");
    byte[] chunk = new byte[(int) (MB / 4)];
    IOException failure = null;
    FSDataOutputStream out = qfs.create(f, true, 4096, (short) 1, MB);
    try {
      for (int i = 0; i < 16; i++) {
        out.write(chunk);
      }
      out.close();
    } catch (IOException e) {
      failure = e;
    }
    assertNotNull(failure, "a 4 MB write under a 2.5 MB space quota must fail");
    Throwable cause = failure;
    while (cause != null && !(cause instanceof DSQuotaExceededException)) {
      cause = cause.getCause();
    }
    String trace = org.apache.hadoop.util.StringUtils.stringifyException(failure);
    assertInstanceOf(DSQuotaExceededException.class, cause, () -> "after " + trace);
    assertInstanceOf(ClusterStorageCapacityExceededException.class, cause);
    try {
      out.close();
    } catch (IOException expected) {
      // the stream already failed
    }
    LeaseRecoverable lr = (LeaseRecoverable) qfs;
    await("lease recovery of " + f).atMost(Timing.seconds(60))
        .pollInterval(Duration.ofMillis(200)).until(() -> {
          try {
            return lr.recoverLease(f);
          } catch (IOException e) {
            return false;
          }
        });
    assertEquals(2 * MB, qfs.getFileStatus(f).getLen(), "the two blocks before the quota");
    QuotaUsage u = qfs.getQuotaUsage(dir);
    assertEquals(2 * MB, u.getSpaceConsumed());
    assertEquals(2, u.getFileAndDirectoryCount());
  }

  /** quire admin quota and its dfsadmin aliases. */
  @Test
  void adminQuotaCommands() throws Exception {
    qfs.mkdirs(new Path("/adm/a"));
    qfs.mkdirs(new Path("/adm/b"));
    assertEquals(0, admin("quota", "set", "10", "/adm/a", "/adm/b").rc);
    assertEquals(0, admin("quota", "space-set", "1g", "/adm/a").rc);
    assertEquals(10, qfs.getQuotaUsage(new Path("/adm/b")).getQuota());
    assertEquals(1L << 30, qfs.getQuotaUsage(new Path("/adm/a")).getSpaceQuota());
    assertEquals(0, admin("-clrQuota", "/adm/b").rc);
    assertEquals(-1, qfs.getQuotaUsage(new Path("/adm/b")).getQuota());
    assertEquals(0, admin("-setSpaceQuota", "2m", "/adm/b").rc);
    assertEquals(2 * MB, qfs.getQuotaUsage(new Path("/adm/b")).getSpaceQuota());
    assertEquals(0, admin("quota", "space-clear", "/adm/a", "/adm/b").rc);
    assertEquals(-1, qfs.getQuotaUsage(new Path("/adm/a")).getSpaceQuota());
    assertEquals(0, admin("-setQuota", "3", "/adm/a").rc);
    assertEquals(0, admin("quota", "clear", "/adm/a").rc);
    Admin missing = admin("quota", "set", "5", "/adm/none", "/adm/a");
    assertEquals(1, missing.rc);
    assertEquals("quota: /adm/none: Directory does not exist: /adm/none\n", missing.err);
    assertEquals(5, qfs.getQuotaUsage(new Path("/adm/a")).getQuota(), "the other path is set");
    Admin zero = admin("quota", "set", "0", "/adm/a");
    assertEquals(2, zero.rc);
    assertTrue(zero.err.startsWith("quota: '0' is not a name quota"), zero.err);
    assertEquals(2, admin("quota", "frob", "/adm/a").rc);
    assertEquals(2, admin("quota", "set", "5").rc);
    Admin bob = BOB.doAs((PrivilegedExceptionAction<Admin>) () -> admin("quota", "clear",
        "/adm/a"));
    assertEquals(1, bob.rc);
    assertTrue(bob.err.contains("access denied") && bob.err.contains("Superuser"), bob.err);
    assertEquals(5, qfs.getQuotaUsage(new Path("/adm/a")).getQuota());
  }

  private record Admin(int rc, String err) {}

  private Admin admin(String... args) throws Exception {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setErr(e);
      rc = AdminMain.run(new Configuration(quireConf), args);
    } finally {
      System.setErr(old);
    }
    return new Admin(rc, err.toString(StandardCharsets.UTF_8));
  }
}
