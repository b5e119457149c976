package io.quire.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.fs.QuireFileSystem;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.Timing;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.LocatedBlock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
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

  private MiniQuireCluster cluster;
  private final byte[] data = bytes(3, BLOCK + BLOCK / 2);

  @BeforeAll
  void start() throws IOException {
    Configuration conf = new Configuration();
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    conf.setLong(NameNodeConfigKeys.CHECKPOINT_TXNS_KEY, 40);
    conf.setLong(NameNodeConfigKeys.CHECKPOINT_CHECK_PERIOD_KEY, 50);
    conf.setInt(NameNodeConfigKeys.CHECKPOINT_RETAINED_KEY, 1);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(1).forkNameNodes(true)
        .baseDir(new File("target/snapshot-truncate-" + System.nanoTime()).getAbsoluteFile())
        .build();
    cluster.waitActive();
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static byte[] bytes(int seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private QuireFileSystem fs() throws IOException {
    return (QuireFileSystem) cluster.getFileSystem();
  }

  private byte[] read(String path) throws IOException {
    try (FSDataInputStream in = fs().open(new Path(path))) {
      return IOUtils.readFullyToByteArray(in);
    }
  }

  private void write(String path) throws IOException {
    try (FSDataOutputStream out = fs().create(new Path(path), true, 4096, (short) 1, BLOCK)) {
      out.write(data);
    }
  }

  private List<Long> blockIds(String path) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (LocatedBlock lb : cluster.getClientProtocol().getBlockLocations(path, 0,
        Long.MAX_VALUE).getBlocks()) {
      ids.add(lb.getBlock().getBlockId());
    }
    return ids;
  }

  private boolean onDataNode(long blockId) {
    return cluster.getDataNode(0).getBlockFile(blockId) != null;
  }

  /** A snapshottable {@code dir} with {@code dir}/f written and snapshot s1 taken. */
  private void snapshotted(String dir) throws IOException {
    QuireFileSystem q = fs();
    q.mkdirs(new Path(dir));
    q.allowSnapshot(new Path(dir));
    write(dir + "/f");
    q.createSnapshot(new Path(dir), "s1");
  }

  private void awaitClosed(String path) {
    await(path + " closed by the truncate recovery").atMost(Timing.seconds(60))
        .until(() -> fs().isFileClosed(new Path(path)));
  }

  private void assertBothRead(String dir) throws IOException {
    assertArrayEquals(Arrays.copyOf(data, CUT), read(dir + "/f"), "the live file is cut");
    assertArrayEquals(data, read(dir + "/.snapshot/s1/f"), "the snapshot reads the old data");
  }

  @Test
  @Order(1)
  void truncateInsideASnapshottedBlockCopiesItAndDeletesFreeEachBlock() throws Exception {
    snapshotted("/t");
    List<Long> before = blockIds("/t/f");
    assertFalse(fs().truncate(new Path("/t/f"), CUT), "recovery runs");
    awaitClosed("/t/f");
    assertBothRead("/t");
    List<Long> after = blockIds("/t/f");
    assertEquals(before.get(0), after.get(0));
    assertNotEquals(before.get(1), after.get(1), "the live file has a new last block");
    assertEquals(before, blockIds("/t/.snapshot/s1/f"));
    assertTrue(onDataNode(before.get(1)) && onDataNode(after.get(1)), "both replicas");

    fs().delete(new Path("/t/f"), false);
    await("the new block's replica deleted").atMost(Timing.seconds(60))
        .until(() -> !onDataNode(after.get(1)));
    assertTrue(before.stream().allMatch(this::onDataNode), "the snapshot's blocks stay");
    assertArrayEquals(data, read("/t/.snapshot/s1/f"));

    fs().deleteSnapshot(new Path("/t"), "s1");
    await("the old blocks' replicas deleted").atMost(Timing.seconds(60))
        .until(() -> before.stream().noneMatch(this::onDataNode));
  }

  @Test
  @Order(2)
  void withoutASnapshotTheBlockIsCutInPlace() throws Exception {
    QuireFileSystem q = fs();
    q.mkdirs(new Path("/p"));
    q.allowSnapshot(new Path("/p"));
    write("/p/f");
    List<Long> before = blockIds("/p/f");
    assertFalse(q.truncate(new Path("/p/f"), CUT));
    awaitClosed("/p/f");
    assertArrayEquals(Arrays.copyOf(data, CUT), read("/p/f"));
    assertEquals(before, blockIds("/p/f"), "no copy: same blocks");
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
    List<Long> before = blockIds("/k/f");
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
    long copy = blockIds("/k/f").get(1);
    assertNotEquals(before.get(1), copy);

    cluster.killNameNode(0); // after the copy: replay
    cluster.startNameNode(0);
    cluster.waitActive();
    assertBothRead("/k");

    // 100 transactions after the copy: a checkpoint (every 40) is taken after it
    long txId = lastImageTxId();
    for (int i = 0; i < 100; i++) {
      fs().mkdirs(new Path("/load/d" + i));
    }
    await("a checkpoint after the copy").atMost(Timing.seconds(120))
        .until(() -> lastImageTxId() > txId + 40);
    cluster.killNameNode(0);
    cluster.startNameNode(0);
    cluster.waitActive();
    assertBothRead("/k");
    assertEquals(List.of(before.get(0), copy), blockIds("/k/f"));
    assertEquals(before, blockIds("/k/.snapshot/s1/f"));
  }

  private long lastImageTxId() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(cluster.getBaseDir().toPath())) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("fsimage_\\d+")).mapToLong(n -> Long.parseLong(n.substring(8)))
          .max().orElse(0);
    } catch (java.io.UncheckedIOException e) {
      return 0; // a checkpoint's temporary file vanished during the walk: poll again
    }
  }
}
