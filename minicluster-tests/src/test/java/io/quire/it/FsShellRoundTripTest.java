package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import java.io.File;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * FsShell ({@code hadoop fs}, i.e. {@code scripts/quire fs}) on quire://: every command runs on
 * Quire and on HDFS (MiniDFSCluster) with the same arguments, and Quire must print what HDFS
 * prints (timestamps masked) and exit the same way. Where the figures legitimately differ
 * (-df capacity), the shape is checked instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class FsShellRoundTripTest {
  private static final String TEXT = "hello quire\nsecond line\n";

  private ShellParity parity;
  private MiniQuireCluster quire;
  private FsShellRunner onQuire;
  private String put;

  /** NameNodes of the Quire side: 1 here, an HA nameservice in {@link FsShellRoundTripHaTest}. */
  int nameNodes() {
    return 1;
  }

  @BeforeAll
  void startClusters() throws Exception {
    // The checksum HDFS computes the way Quire does (composite CRC32C), so -checksum compares.
    parity = ShellParity.start(getClass(), nameNodes(), 3,
        c -> c.set("dfs.checksum.combine.mode", "COMPOSITE_CRC"),
        c -> c.set("dfs.checksum.combine.mode", "COMPOSITE_CRC"));
    quire = parity.quire();
    onQuire = parity.onQuire();
    put = parity.localFile("hello.txt", TEXT);
  }

  @AfterAll
  void stopClusters() {
    if (parity != null) {
      parity.close();
    }
  }

  /** Runs on both, asserts equal exit code and output; returns Quire's result. */
  private ShellResult same(String... args) throws Exception {
    return parity.same(args);
  }

  @Test
  void everyCommandBehavesAsOnHdfs() throws Exception {
    same("-mkdir", "-p", "/shell/a/b");
    same("-put", put, "/shell/a/hello.txt");
    ShellResult ls = same("-ls", "-R", "/shell");
    assertTrue(ls.out().contains("/shell/a/hello.txt"), ls.out());
    assertEquals(TEXT, same("-cat", "/shell/a/hello.txt").out());
    File got = parity.local("got-quire.txt");
    assertEquals(0, onQuire.run("-get", "/shell/a/hello.txt", got.getPath()).exitCode());
    assertEquals(TEXT, Files.readString(got.toPath()));
    same("-cp", "/shell/a/hello.txt", "/shell/a/b/copy.txt");
    same("-mv", "/shell/a/b/copy.txt", "/shell/moved.txt");
    same("-ls", "/shell");
    same("-du", "/shell");
    same("-du", "-s", "-h", "/shell");
    same("-count", "/shell");
    same("-count", "-q", "/shell");
    same("-stat", "%n %b %r %o %F %u", "/shell/moved.txt");
    same("-chmod", "640", "/shell/moved.txt");
    same("-chmod", "-R", "go-rx", "/shell/a");
    same("-chown", "alice:staff", "/shell/moved.txt");
    same("-ls", "-R", "/shell");
    same("-setrep", "2", "/shell/moved.txt");
    same("-stat", "%r", "/shell/moved.txt");
    same("-checksum", "/shell/a/hello.txt");
    same("-touchz", "/shell/empty");
    same("-test", "-e", "/shell/empty");
    same("-test", "-z", "/shell/empty");
    same("-test", "-d", "/shell/a");
    same("-test", "-f", "/shell/a");
    same("-test", "-e", "/shell/nothing");
    same("-appendToFile", put, "/shell/moved.txt");
    assertEquals(TEXT + TEXT, same("-cat", "/shell/moved.txt").out());
    same("-truncate", "-w", "5", "/shell/moved.txt");
    assertEquals("hello", same("-cat", "/shell/moved.txt").out());
    same("-tail", "/shell/a/hello.txt");
    same("-rm", "-r", "/shell/a");
    same("-ls", "-R", "/shell");
    same("-cat", "/shell/a/hello.txt");
    same("-mkdir", "/shell/x/y");
    same("-rm", "/shell");
  }

  @Test
  void dfReportsTheCluster() throws Exception {
    ShellResult df = onQuire.run("-df", "/");
    assertEquals(0, df.exitCode(), df.err());
    String[] lines = df.out().trim().split("\n");
    assertEquals(2, lines.length, df.out());
    assertTrue(lines[0].matches("Filesystem\\s+Size\\s+Used\\s+Available\\s+Use%"), lines[0]);
    assertTrue(lines[1].startsWith(quire.getURI().toString().replaceAll("/$", "")), lines[1]);
    String[] f = lines[1].trim().split("\\s+");
    long size = Long.parseLong(f[1]);
    long avail = Long.parseLong(f[3]);
    assertTrue(size > 0 && avail > 0 && avail <= size, lines[1]);
  }
}
