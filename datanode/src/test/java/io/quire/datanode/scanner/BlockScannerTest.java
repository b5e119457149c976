package io.quire.datanode.scanner;

import static io.quire.datanode.scanner.ScannerTestSupport.flipByte;
import static io.quire.datanode.scanner.ScannerTestSupport.writeBlock;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.types.Block;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The block scanner on a DataNode talking to a fake NameNode. */
class BlockScannerTest {
  private static final Duration WAIT = Timing.seconds(20);
  private static final long TRIGGER_WAIT_MS = WAIT.toMillis();
  private static DataNodeHarness h;
  /** Scans only when triggered. */
  private static DataNode dn;
  /** Scans every replica every 100 ms. */
  private static DataNode periodic;

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("BlockScanner");
    Configuration c = h.conf(0);
    c.setLong(DataNodeConfigKeys.SCAN_PERIOD_KEY, 0);
    c.setLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY, 0);
    dn = h.start(c);
    Configuration p = h.conf(1);
    p.setLong(DataNodeConfigKeys.SCAN_PERIOD_KEY, 100);
    p.setLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY, 0);
    periodic = h.start(p);
    await().atMost(WAIT).until(() -> h.nn.registrations.size() == 2);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  private static long badReportsOf(long blockId) {
    return h.nn.badBlocks.stream().filter(b -> b.getBlockId() == blockId).count();
  }

  private static void scanNow(DataNode d) throws InterruptedException {
    BlockScanner s = d.getBlockScanner();
    assertTrue(s.awaitScan(s.triggerScanNow(), TRIGGER_WAIT_MS), "scan finished");
  }

  @Test
  void flippedByteIsReportedOnceToTheNameNode() throws Exception {
    Block b = new Block(7001, 1, 0);
    writeBlock(dn, b, 300_000);
    long corruptBefore = dn.getBlockScanner().getCorruptReplicasFound();
    flipByte(dn.getBlockFile(7001), 200_000);
    scanNow(dn);
    assertEquals(corruptBefore + 1, dn.getBlockScanner().getCorruptReplicasFound());
    assertTrue(dn.getFsDataset().getReplica(7001).isCorrupt());
    await().atMost(WAIT).until(() -> badReportsOf(7001) == 1);
    assertEquals(1, h.nn.badBlocks.stream().filter(x -> x.getBlockId() == 7001)
        .findFirst().orElseThrow().getGenerationStamp());
    scanNow(dn);
    scanNow(dn);
    dn.triggerHeartbeat();
    long hb = h.nn.heartbeats.get();
    await().atMost(WAIT).until(() -> h.nn.heartbeats.get() > hb + 1);
    assertEquals(1, badReportsOf(7001), "reported once");
    assertEquals(corruptBefore + 1, dn.getBlockScanner().getCorruptReplicasFound());
    assertTrue(dn.getMetrics().getCorruptFound() >= 1);
  }

  @Test
  void healthyReplicasAreVerifiedAndCounted() throws Exception {
    writeBlock(dn, new Block(7002, 1, 0), 100_000);
    writeBlock(dn, new Block(7003, 1, 0), 513);
    long bytes = dn.getBlockScanner().getBytesVerified();
    long blocks = dn.getBlockScanner().getBlocksVerified();
    scanNow(dn);
    assertTrue(dn.getBlockScanner().getBytesVerified() >= bytes + 100_513);
    assertTrue(dn.getBlockScanner().getBlocksVerified() >= blocks + 2);
    assertFalse(dn.getFsDataset().getReplica(7002).isCorrupt());
    assertEquals(0, badReportsOf(7002) + badReportsOf(7003));
    assertTrue(dn.getMetrics().getBlocksVerified() >= 2);
  }

  @Test
  void periodicScanFindsCorruptionWithoutAnyRead() throws Exception {
    writeBlock(periodic, new Block(7101, 1, 0), 4096);
    await().atMost(WAIT).until(() -> periodic.getBlockScanner().getBlocksVerified() >= 1);
    flipByte(periodic.getMetaFile(7101), 7 + 4 * 3);
    await().atMost(WAIT).until(() -> badReportsOf(7101) == 1);
    assertTrue(periodic.getFsDataset().getReplica(7101).isCorrupt());
  }

  @Test
  void deletedReplicasAreNotReported() throws Exception {
    Block b = new Block(7004, 1, 0);
    writeBlock(dn, b, 2048);
    flipByte(dn.getBlockFile(7004), 10);
    dn.getFsDataset().delete(List.of(b));
    scanNow(dn);
    assertEquals(0, badReportsOf(7004));
  }
}
