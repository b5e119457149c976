package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.scanner.BlockScanner;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.exceptions.PipelineException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A TRANSFER to a node that holds a corrupt or stale replica of the block replaces it
 * (HDFS-17798: on a 3-node, replication-3 cluster the corrupt node is the only target); a
 * healthy replica is kept and the transfer refused.
 */
class ReplaceCorruptReplicaTest {
  private static final Duration WAIT = Timing.seconds(20);
  private static DataNodeHarness h;
  private static DataNode source;
  private static DataNode target;

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("ReplaceCorrupt");
    source = h.start(quiet(0));
    target = h.start(quiet(1));
    await().atMost(WAIT).until(() -> h.nn.registrations.size() == 2);
  }

  private static Configuration quiet(int i) {
    Configuration c = h.conf(i);
    c.setLong(DataNodeConfigKeys.SCAN_PERIOD_KEY, 0);
    c.setLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY, 0);
    return c;
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  private static byte[] writeToBoth(Block b, int len) throws IOException {
    byte[] data = new byte[len];
    new Random(b.getBlockId()).nextBytes(data);
    BlockClient.writeBlock(List.of(source.getDataNodeId(), target.getDataNodeId()), b, data);
    return data;
  }

  private static void flipByte(File f, long off) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
      raf.seek(off);
      int v = raf.read();
      raf.seek(off);
      raf.write(~v);
    }
  }

  private static void transfer(Block b) throws IOException {
    new BlockTransferClient(source.getFsDataset(), source.getOptions(),
        source.getTransferBuffers())
        .transfer(b, List.of(target.getDataNodeId()));
  }

  private static byte[] readFromTarget(Block b, int len) throws IOException {
    BlockClient.ReadResult r = BlockClient.read(target.getDataNodeId(), b, 0, len);
    assertTrue(r.response().isSuccess(), r.response().toString());
    return r.data();
  }

  private static long finalizedReportsOf(long blockId) {
    return h.nn.receivedOf(blockId).stream()
        .filter(r -> r.getState() == ReplicaState.FINALIZED).count();
  }

  @Test
  void transferReplacesAReplicaTheScannerFoundCorrupt() throws Exception {
    Block b = new Block(9001, 1, 0);
    byte[] data = writeToBoth(b, 200_000);
    flipByte(target.getBlockFile(9001), 123_456);
    BlockScanner s = target.getBlockScanner();
    assertTrue(s.awaitScan(s.triggerScanNow(), WAIT.toMillis()));
    Replica corrupt = target.getFsDataset().getReplica(9001);
    assertTrue(corrupt.isCorrupt());
    await().atMost(WAIT).until(() -> finalizedReportsOf(9001) == 2);

    transfer(b);

    Replica now = target.getFsDataset().getReplica(9001);
    assertNotSame(corrupt, now);
    assertFalse(now.isCorrupt());
    assertEquals(ReplicaState.FINALIZED, now.getState());
    assertArrayEquals(data, readFromTarget(b, data.length));
    String[] leftInTmp = now.getDir().getTmpDir().list();
    assertEquals(0, leftInTmp == null ? 0 : leftInTmp.length);
    await().atMost(WAIT).until(() -> finalizedReportsOf(9001) == 3);
    assertTrue(s.awaitScan(s.triggerScanNow(), WAIT.toMillis()));
    assertFalse(target.getFsDataset().getReplica(9001).isCorrupt());
  }

  @Test
  void transferVerifiesAnUndetectedCorruptReplicaAndReplacesIt() throws Exception {
    Block b = new Block(9002, 1, 0);
    byte[] data = writeToBoth(b, 10_000);
    flipByte(target.getMetaFile(9002), 7 + 4 * 5);
    transfer(b);
    assertArrayEquals(data, readFromTarget(b, data.length));
    assertFalse(target.getFsDataset().getReplica(9002).isCorrupt());
    await().atMost(WAIT).until(() -> h.nn.badBlocks.stream()
        .filter(x -> x.getBlockId() == 9002).count() == 1);
  }

  @Test
  void transferToAHealthyReplicaIsRefusedWithErrorExists() throws Exception {
    Block b = new Block(9003, 1, 0);
    writeToBoth(b, 3000);
    Replica healthy = target.getFsDataset().getReplica(9003);
    PipelineException e = assertThrows(PipelineException.class, () -> transfer(b));
    assertTrue(e.getMessage().contains("ERROR_EXISTS"), e.getMessage());
    assertSame(healthy, target.getFsDataset().getReplica(9003));
  }

  @Test
  void transferReplacesAReplicaWithAnOlderGenerationStamp() throws Exception {
    byte[] stale = new byte[4000];
    BlockClient.writeBlock(List.of(target.getDataNodeId()), new Block(9004, 3, 0), stale);
    byte[] fresh = new byte[6000];
    new Random(9004).nextBytes(fresh);
    BlockClient.writeBlock(List.of(source.getDataNodeId()), new Block(9004, 5, 0), fresh);
    File oldMeta = target.getMetaFile(9004);

    transfer(new Block(9004, 5, 6000));

    Replica now = target.getFsDataset().getReplica(9004);
    assertEquals(5, now.getGenerationStamp());
    assertEquals(6000, now.getBytesOnDisk());
    assertFalse(oldMeta.exists(), "meta file of the old generation stamp removed");
    assertArrayEquals(fresh, readFromTarget(new Block(9004, 5, 6000), fresh.length));
  }

  @Test
  void aReplicaKnownCorruptIsNotSent() throws Exception {
    Block b = new Block(9005, 1, 0);
    writeToBoth(b, 2000);
    flipByte(source.getBlockFile(9005), 1500);
    BlockScanner s = source.getBlockScanner();
    assertTrue(s.awaitScan(s.triggerScanNow(), WAIT.toMillis()));
    target.getFsDataset().delete(List.of(b));
    IOException e = assertThrows(IOException.class, () -> transfer(b));
    assertTrue(e.getMessage().contains("known corrupt"), e.getMessage());
    assertEquals(null, target.getFsDataset().getReplica(9005));
  }
}
