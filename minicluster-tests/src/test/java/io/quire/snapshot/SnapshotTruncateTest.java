package io.quire.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.fs.QuireFileSystem;
import io.quire.minicluster.CrashTestCluster;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Copy on truncate on a real cluster (a forked NameNode, one DataNode): a truncate inside a
 * block a snapshot holds gives the live file a new block with the kept prefix while the
 * snapshot reads the old content; deleting the live file frees only the new block, deleting
 * the snapshot the old one; without a snapshot the block is cut in place; a copy survives a
 * SIGKILL of the NameNode before the DataNode made it and after, through replay and a
 * checkpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SnapshotTruncateTest {
  private static final int BLOCK = 64 * 1024;
  /** Inside the second block, not on a 512-byte chunk boundary. */
  private static final int CUT = BLOCK + 1000;

  private CrashTestCluster fixture;
  private MiniQuireCluster cluster;
  private BlockFiles files;
  private final byte[] data = TestData.random(BLOCK + BLOCK / 2, 3);

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

  private QuireFileSystem fs() throws IOException {
    return (QuireFileSystem) cluster.getFileSystem();
  }

  /** A snapshottable {@code dir} with {@code dir}/f written and snapshot s1 taken. */
  private void snapshotted(String dir) throws IOException {
    QuireFileSystem q = fs();
    q.mkdirs(new Path(dir));
    q.allowSnapshot(new Path(dir));
    files.write(dir + "/f", data);
    q.createSnapshot(new Path(dir), "s1");
  }

  private void awaitClosed(String path) {
    await(path + " closed by the truncate recovery").atMost(Timing.seconds(60))
        .until(() -> fs().isFileClosed(new Path(path)));
  }

  private void assertBothRead(String dir) throws IOException {
    assertArrayEquals(Arrays.copyOf(data, CUT), files.read(dir + "/f"), "the live file is cut");
    assertArrayEquals(data, files.read(dir + "/.snapshot/s1/f"),
        "the snapshot reads the old data");
  }

  @Test
  @Order(1)
  void truncateInsideASnapshottedBlockCopiesItAndDeletesFreeEachBlock() throws Exception {
    snapshotted("/t");
    List<Long> before = files.blockIds("/t/f");
    assertFalse(fs().truncate(new Path("/t/f"), CUT), "recovery runs");
    awaitClosed("/t/f");
    assertBothRead("/t");
    List<Long> after = files.blockIds("/t/f");
    assertEquals(before.get(0), after.get(0));
    assertNotEquals(before.get(1), after.get(1), "the live file has a new last block");
    assertEquals(before, files.blockIds("/t/.snapshot/s1/f"));
    assertTrue(files.onDataNode(before.get(1)) && files.onDataNode(after.get(1)),
        "both replicas");

    fs().delete(new Path("/t/f"), false);
    await("the new block's replica deleted").atMost(Timing.seconds(60))
        .until(() -> !files.onDataNode(after.get(1)));
    assertTrue(before.stream().allMatch(files::onDataNode), "the snapshot's blocks stay");
    assertArrayEquals(data, files.read("/t/.snapshot/s1/f"));

    fs().deleteSnapshot(new Path("/t"), "s1");
    await("the old blocks' replicas deleted").atMost(Timing.seconds(60))
        .until(() -> before.stream().noneMatch(files::onDataNode));
  }

  @Test
  @Order(2)
  void withoutASnapshotTheBlockIsCutInPlace() throws Exception {
    QuireFileSystem q = fs();
    q.mkdirs(new Path("/p"));
    q.allowSnapshot(new Path("/p"));
    files.write("/p/f", data);
    List<Long> before = files.blockIds("/p/f");
    assertFalse(q.truncate(new Path("/p/f"), CUT));
    awaitClosed("/p/f");
    assertArrayEquals(Arrays.copyOf(data, CUT), files.read("/p/f"));
    assertEquals(before, files.blockIds("/p/f"), "no copy: same blocks");
  }

  /**
   * The DataNode is down when the truncate is journaled, the NameNode is killed before any
   * copy exists, and the copy is made after its restart (recoverLease); then the NameNode is
   * killed again after the copy, and restarted from a checkpoint taken after it.
   */
  @Test
  @Order(3)
  void aCopySurvivesNameNodeKillsBeforeAndAfterItAndACheckpoint() throws Exception {
    snapshotted("/k");
    List<Long> before = files.blockIds("/k/f");
    cluster.stopDataNode(0);
    assertFalse(fs().truncate(new Path("/k/f"), CUT));
    cluster.killNameNode(0);
    cluster.startNameNode(0);
    cluster.startDataNode(0);
    cluster.waitActive();
    assertFalse(fs().isFileClosed(new Path("/k/f")), "the copy is still to be made");
    assertEquals(CUT, fs().getFileStatus(new Path("/k/f")).getLen());
    assertFalse(fs().recoverLease(new Path("/k/f")), "recovery (the copy) starts");
    awaitClosed("/k/f");
    assertBothRead("/k");
    long copy = files.blockIds("/k/f").get(1);
    assertNotEquals(before.get(1), copy);

    fixture.crashAndRestartNameNode(); // after the copy: replay
    assertBothRead("/k");

    // 100 transactions after the copy: a checkpoint (every 40) is taken after it
    long txId = fixture.nameDir().newestImageTxId();
    for (int i = 0; i < 100; i++) {
      fs().mkdirs(new Path("/load/d" + i));
    }
    await("a checkpoint after the copy").atMost(Timing.seconds(120))
        .until(() -> fixture.nameDir().newestImageTxId() > txId + 40);
    fixture.crashAndRestartNameNode();
    assertBothRead("/k");
    assertEquals(List.of(before.get(0), copy), files.blockIds("/k/f"));
    assertEquals(before, files.blockIds("/k/.snapshot/s1/f"));
  }

}
