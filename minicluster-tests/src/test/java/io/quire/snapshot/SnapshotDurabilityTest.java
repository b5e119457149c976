package io.quire.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.admin.AdminMain;
import io.quire.fs.QuireFileSystem;
import io.quire.minicluster.CrashTestCluster;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Snapshots on a real cluster (a forked NameNode, one DataNode): a file deleted live reads
 * from its snapshot after the DataNode processed the deletions of that time, and its blocks
 * are deleted from the DataNode once the last snapshot holding them is; snapshots survive
 * SIGKILL of the NameNode, a checkpoint and the purge of the journal before it; only the
 * superuser allows snapshots ({@code quire admin snapshot allow}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SnapshotDurabilityTest {
  private static final int BLOCK = 64 * 1024;
  private static final UserGroupInformation BOB =
      UserGroupInformation.createUserForTesting("bob", new String[] {"bobs"});

  private CrashTestCluster fixture;
  private MiniQuireCluster cluster;
  private BlockFiles files;
  private final byte[] first = TestData.random(BLOCK + BLOCK / 2, 1);
  private final byte[] appended = TestData.random(1000, 2);

  @BeforeAll
  void start() throws IOException {
    fixture = CrashTestCluster.builder(getClass()).forkedNameNode().dataNodes(1, false)
        .replication(1).checkpointEvery(40).build();
    cluster = fixture.cluster();
    files = new BlockFiles(cluster, BLOCK);
  }

  @AfterAll
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private FileSystem fs() throws IOException {
    return cluster.getFileSystem();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  @Order(1)
  void onlyTheSuperuserAllowsSnapshots() throws Exception {
    fs().mkdirs(new Path("/byBob"));
    Configuration c = new Configuration(cluster.getConfiguration());
    int bob = BOB.doAs((PrivilegedExceptionAction<Integer>) () -> AdminMain.run(
        new Configuration(c), new String[] {"snapshot", "allow", "/byBob"}));
    assertEquals(1, bob, "bob is refused");
    assertEquals(0, ((QuireFileSystem) fs()).getSnapshottableDirListing().size());
    assertEquals(0, AdminMain.run(new Configuration(c),
        new String[] {"snapshot", "allow", "/byBob"}));
    assertEquals(1, ((QuireFileSystem) fs()).getSnapshottableDirListing().size());
    assertEquals(0, AdminMain.run(new Configuration(c),
        new String[] {"snapshot", "disallow", "/byBob"}));
  }

  @Test
  @Order(2)
  void blocksHeldBySnapshotsStayUntilTheSnapshotsGo() throws Exception {
    QuireFileSystem q = (QuireFileSystem) fs();
    q.mkdirs(new Path("/keep"));
    q.allowSnapshot(new Path("/keep"));
    files.write("/keep/f", first);
    files.write("/keep/other", first);
    List<Long> held = files.blockIds("/keep/f");
    List<Long> free = files.blockIds("/keep/other");
    assertEquals(2, held.size());
    q.createSnapshot(new Path("/keep"), "s1");
    q.delete(new Path("/keep/other"), false);
    q.deleteSnapshot(new Path("/keep"), "s1"); // other's blocks go now
    q.createSnapshot(new Path("/keep"), "s2");
    q.delete(new Path("/keep/f"), false);
    // The DataNode processed the deletions of that time (other's replicas are gone) ...
    await("other's replicas deleted").atMost(Timing.seconds(60))
        .until(() -> free.stream().noneMatch(files::onDataNode));
    // ... and still holds the replicas of the file that s2 holds.
    assertTrue(held.stream().allMatch(files::onDataNode), "s2's blocks kept");
    assertArrayEquals(first, files.read("/keep/.snapshot/s2/f"));
    q.deleteSnapshot(new Path("/keep"), "s2");
    await("s2's replicas deleted").atMost(Timing.seconds(60))
        .until(() -> held.stream().noneMatch(files::onDataNode));
    assertFalse(q.exists(new Path("/keep/.snapshot/s2/f")));
  }

  @Test
  @Order(3)
  void snapshotsSurviveSigkillCheckpointAndJournalPurge() throws Exception {
    QuireFileSystem q = (QuireFileSystem) fs();
    q.mkdirs(new Path("/dur"));
    q.allowSnapshot(new Path("/dur"));
    files.write("/dur/f", first);
    q.createSnapshot(new Path("/dur"), "s1");
    try (FSDataOutputStream out = q.append(new Path("/dur/f"))) {
      out.write(appended);
    }
    q.createSnapshot(new Path("/dur"), "s2");
    q.delete(new Path("/dur/f"), false);
    q.renameSnapshot(new Path("/dur"), "s2", "s2r");
    q.createSnapshot(new Path("/dur"), "gone");
    q.deleteSnapshot(new Path("/dur"), "gone");
    // Enough transactions for checkpoints (every 40) that cover all of the above, and a purge
    // of the journal before the latest (one checkpoint retained).
    for (int i = 0; i < 200; i++) {
      q.mkdirs(new Path("/load/d" + i));
    }
    await("a checkpoint after the snapshot operations").atMost(Timing.seconds(120))
        .until(() -> fixture.nameDir().newestImageTxId() >= 200);
    await("the journal before it purged").atMost(Timing.seconds(120))
        .until(() -> !fixture.nameDir().journalFromFirstTxId());

    fixture.crashAndRestartNameNode();
    assertCurrentState();

    cluster.restartNameNode(); // and once more from whatever checkpoint is newest now
    assertCurrentState();
  }

  @Test
  @Order(4)
  void adminToolPrintsAsHdfsTools() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    Configuration c = new Configuration(cluster.getConfiguration());
    java.util.function.Function<String[], Integer> admin = args -> {
      try {
        return org.apache.hadoop.util.ToolRunner.run(new Configuration(c),
            new io.quire.admin.SnapshotTool(new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true)), args);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    fs().mkdirs(new Path("/adm"));
    assertEquals(0, admin.apply(new String[] {"allow", "/adm"}));
    files.write("/adm/a", appended);
    assertEquals(0, admin.apply(new String[] {"create", "/adm", "s1"}));
    files.write("/adm/b", appended);
    fs().rename(new Path("/adm/a"), new Path("/adm/a2"));
    assertEquals(0, admin.apply(new String[] {"diff", "/adm", "s1", "."}));
    assertEquals(0, admin.apply(new String[] {"list"}));
    assertEquals(1, admin.apply(new String[] {"delete", "/adm", "nosuch"}));
    assertEquals(0, admin.apply(new String[] {"delete", "/adm", "s1"}));
    assertEquals(0, admin.apply(new String[] {"disallow", "/adm"}));
    String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("Allowing snapshot on /adm succeeded\n"
        + "Created snapshot /adm/.snapshot/s1\n"
        + "Difference between snapshot s1 and current directory under directory /adm:\n"
        + "M\t.\n+\t./b\nR\t./a -> ./a2\n"), printed);
    assertTrue(printed.matches("(?s).*\ndrwxr-xr-x 0 \\S+ \\S+ 0 \\d{4}-\\d{2}-\\d{2} "
        + "\\d{2}:\\d{2} 1 65536 /adm\n.*"), printed);
    assertTrue(printed.endsWith("Disallowing snapshot on /adm succeeded\n"), printed);
    assertEquals("snapshot: SnapshotException: Cannot delete snapshot nosuch from path /adm: the"
        + " snapshot does not exist.\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void assertCurrentState() throws IOException {
    FileSystem fs = fs();
    assertFalse(fs.exists(new Path("/dur/f")));
    assertArrayEquals(first, files.read("/dur/.snapshot/s1/f"));
    assertArrayEquals(concat(first, appended), files.read("/dur/.snapshot/s2r/f"));
    assertFalse(fs.exists(new Path("/dur/.snapshot/s2")));
    assertFalse(fs.exists(new Path("/dur/.snapshot/gone")));
    List<String> names = new ArrayList<>();
    for (var st : fs.listStatus(new Path("/dur/.snapshot"))) {
      names.add(st.getPath().getName());
    }
    assertEquals(List.of("s1", "s2r"), names);
    assertNotNull(fs.getFileStatus(new Path("/dur/.snapshot/s1")));
  }

}
