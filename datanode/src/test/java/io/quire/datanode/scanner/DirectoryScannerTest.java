package io.quire.datanode.scanner;

import static io.quire.datanode.scanner.ScannerTestSupport.writeBlock;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory scanner comparing the replica map with the disk behind the DataNode's back. */
class DirectoryScannerTest {
  private static final Duration WAIT = Timing.seconds(20);
  private static DataNodeHarness h;
  private static DataNode dn;

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("DirectoryScanner");
    Configuration c = h.conf(0);
    c.setLong(DataNodeConfigKeys.SCAN_PERIOD_KEY, 0);
    c.setLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY, 0);
    dn = h.start(c);
    await().atMost(WAIT).until(() -> h.nn.registrations.size() == 1);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  private static void scanNow() throws InterruptedException {
    DirectoryScanner s = dn.getDirectoryScanner();
    assertTrue(s.awaitScan(s.triggerScanNow(), WAIT.toMillis()), "scan finished");
  }

  @Test
  void deletedBlockFileIsRemovedFromTheMapAndReportedDeleted() throws Exception {
    Block b = new Block(8001, 1, 0);
    writeBlock(dn, b, 5000);
    File blk = dn.getBlockFile(8001);
    File meta = dn.getMetaFile(8001);
    long missing = dn.getDirectoryScanner().getMissingBlockFiles();
    Files.delete(blk.toPath());
    scanNow();
    assertNull(dn.getFsDataset().getReplica(8001));
    assertFalse(meta.exists(), "meta file deleted with it");
    assertEquals(missing + 1, dn.getDirectoryScanner().getMissingBlockFiles());
    await().atMost(WAIT).until(() -> h.nn.deleted.stream()
        .anyMatch(d -> d.getBlockId() == 8001));
  }

  @Test
  void truncatedBlockFileIsReportedCorruptOnce() throws Exception {
    writeBlock(dn, new Block(8002, 1, 0), 5000);
    try (RandomAccessFile raf = new RandomAccessFile(dn.getBlockFile(8002), "rw")) {
      raf.setLength(3000);
    }
    long mismatches = dn.getDirectoryScanner().getMismatches();
    scanNow();
    scanNow();
    assertEquals(mismatches + 1, dn.getDirectoryScanner().getMismatches());
    assertTrue(dn.getFsDataset().getReplica(8002).isCorrupt());
    await().atMost(WAIT).until(() -> h.nn.badBlocks.stream()
        .filter(x -> x.getBlockId() == 8002).count() == 1);
  }

  @Test
  void missingMetaFileIsReportedCorrupt() throws Exception {
    writeBlock(dn, new Block(8003, 1, 0), 700);
    Files.delete(dn.getMetaFile(8003).toPath());
    scanNow();
    assertTrue(dn.getFsDataset().getReplica(8003).isCorrupt());
    await().atMost(WAIT).until(() -> h.nn.badBlocks.stream()
        .anyMatch(x -> x.getBlockId() == 8003));
  }

  @Test
  void consistentStrayFilesBecomeAReplicaReportedReceived() throws Exception {
    byte[] data = writeBlock(dn, new Block(8004, 1, 0), 3000);
    Replica source = dn.getFsDataset().getReplica(8004);
    long strayId = 8004 + 256 * 3;
    File dir = source.getDir().getFinalizedDirFor(strayId);
    assertTrue(dir.isDirectory() || dir.mkdirs());
    Files.copy(source.getMetaFile().toPath(), new File(dir, "blk_" + strayId + "_7.meta").toPath());
    Files.copy(source.getBlockFile().toPath(), new File(dir, "blk_" + strayId).toPath());
    scanNow();
    Replica r = dn.getFsDataset().getReplica(strayId);
    assertNotNull(r);
    assertEquals(ReplicaState.FINALIZED, r.getState());
    assertEquals(7, r.getGenerationStamp());
    assertEquals(3000, r.getBytesOnDisk());
    await().atMost(WAIT).until(() -> h.nn.receivedOf(strayId).stream()
        .anyMatch(x -> x.getState() == ReplicaState.FINALIZED));
    BlockClient.ReadResult read = BlockClient.read(dn.getDataNodeId(),
        new Block(strayId, 7, 3000), 0, 3000);
    assertTrue(read.response().isSuccess());
    assertEquals(data.length, read.data().length);
  }

  @Test
  void inconsistentStrayFilesAreDeleted() throws Exception {
    writeBlock(dn, new Block(8005, 1, 0), 100);
    File dir = dn.getFsDataset().getReplica(8005).getDir().getFinalizedDirFor(8006);
    File lonelyBlock = new File(dir, "blk_8006");
    Files.write(lonelyBlock.toPath(), new byte[1000]);
    File orphanMeta = new File(dir, "blk_8007_1.meta");
    Files.write(orphanMeta.toPath(), new byte[11]);
    File staleMeta = new File(dir, "blk_8005_0.meta");
    Files.write(staleMeta.toPath(), new byte[11]);
    File unrelated = new File(dir, "notes.txt");
    Files.write(unrelated.toPath(), new byte[1]);
    scanNow();
    assertFalse(lonelyBlock.exists());
    assertFalse(orphanMeta.exists());
    assertFalse(staleMeta.exists());
    assertTrue(unrelated.exists(), "files of other names are never touched");
    assertNull(dn.getFsDataset().getReplica(8006));
    assertNotNull(dn.getFsDataset().getReplica(8005));
    assertFalse(dn.getFsDataset().getReplica(8005).isCorrupt());
  }
}
