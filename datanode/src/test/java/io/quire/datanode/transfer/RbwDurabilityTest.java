package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * hsync makes a new replica's directory entries durable, not only its data: the first
 * syncBlock packet of an RBW replica fsyncs its rbw/ directory (as HDFS does), before the
 * packet is acknowledged; later hsyncs and plain hflushes do not.
 */
class RbwDurabilityTest {
  private static final AtomicLong NEXT_ID = new AtomicLong(7000);
  private static final byte[] DATA = new byte[4 * 4096];
  private static final Map<Long, AtomicInteger> DIR_SYNCS = new ConcurrentHashMap<>();
  private static final Map<Long, File> DIR_SYNCED = new ConcurrentHashMap<>();
  private static DataNodeHarness h;
  private static DataNode[] dns;

  @BeforeAll
  static void start() {
    new Random(4).nextBytes(DATA);
    h = new DataNodeHarness("RbwDurabilityTest");
    dns = new DataNode[] {h.start(0), h.start(1)};
    for (DataNode dn : dns) {
      dn.getFaultInjector().set(DataNodeFaultInjector.Point.AFTER_RBW_DIRECTORY_SYNC, ctx -> {
        Replica r = (Replica) ctx;
        DIR_SYNCS.computeIfAbsent(key(dn, r.getBlockId()), k -> new AtomicInteger())
            .incrementAndGet();
        DIR_SYNCED.put(key(dn, r.getBlockId()), r.getBlockFile().getParentFile());
      });
    }
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  @BeforeEach
  void clear() {
    DIR_SYNCS.clear();
    DIR_SYNCED.clear();
  }

  /** Counter key of a block on one of the two nodes. */
  private static long key(DataNode dn, long blockId) {
    return blockId * 2 + (dn == dns[0] ? 0 : 1);
  }

  private static int syncs(int node, long blockId) {
    AtomicInteger n = DIR_SYNCS.get(key(dns[node], blockId));
    return n == null ? 0 : n.get();
  }

  private static List<DataNodeId> pipeline() {
    return List.of(dns[0].getDataNodeId(), dns[1].getDataNodeId());
  }

  /** Reads the ack of the packet just sent as {@code seqno}; every node must have succeeded. */
  private static void sendAndAwaitAck(BlockClient c, long seqno) throws IOException {
    PipelineAck a = PipelineAck.read(c.in);
    assertEquals(seqno, a.getSeqno());
    assertEquals(-1, a.firstFailedIndex(), a.toString());
  }

  @Test
  void firstHsyncFsyncsTheRbwDirectoryOnEveryNodeBeforeTheAck() throws IOException {
    Block b = new Block(NEXT_ID.incrementAndGet(), 1, 0);
    try (BlockClient c = new BlockClient(pipeline().get(0))) {
      assertTrue(c.openWrite(b, pipeline().subList(1, 2), BlockConstructionStage.CREATE, 1)
          .isSuccess());
      sendAndAwaitAck(c, c.sendPacket(0, DATA, 0, 4096, false));
      assertEquals(0, syncs(0, b.getBlockId()), "hflush alone fsyncs no directory");
      assertEquals(0, syncs(1, b.getBlockId()));
      sendAndAwaitAck(c, c.sendPacket(4096, DATA, 4096, 4096, true));
      assertEquals(1, syncs(0, b.getBlockId()), "first hsync, first node");
      assertEquals(1, syncs(1, b.getBlockId()), "first hsync, last node");
      sendAndAwaitAck(c, c.sendPacket(8192, DATA, 8192, 4096, true));
      sendAndAwaitAck(c, c.sendPacket(12288, DATA, 12288, 4096, false));
      sendAndAwaitAck(c, c.sendLast(DATA.length));
    }
    assertEquals(1, syncs(0, b.getBlockId()), "once per replica");
    assertEquals(1, syncs(1, b.getBlockId()));
    for (int i = 0; i < 2; i++) {
      File dir = DIR_SYNCED.get(key(dns[i], b.getBlockId()));
      assertEquals("rbw", dir.getName(), "the replica's rbw directory: " + dir);
    }
  }

  @Test
  void writesWithoutHsyncFsyncNoRbwDirectory() throws IOException {
    Block b = new Block(NEXT_ID.incrementAndGet(), 1, 0);
    BlockClient.writeBlock(pipeline(), b, DATA);
    assertEquals(0, syncs(0, b.getBlockId()));
    assertEquals(0, syncs(1, b.getBlockId()));
  }

  @Test
  void replicaMovedDurablyByRecoveryNeedsNoFsyncOnHsync() throws IOException {
    Block b = new Block(NEXT_ID.incrementAndGet(), 1, 0);
    try (BlockClient c = new BlockClient(pipeline().get(0))) {
      assertTrue(c.openWrite(b, List.of(), BlockConstructionStage.CREATE, 1).isSuccess());
      sendAndAwaitAck(c, c.sendPacket(0, DATA, 0, 4096, true));
    }
    assertEquals(1, syncs(0, b.getBlockId()));
    await().atMost(Timing.seconds(10)).until(
        () -> dns[0].getFsDataset().getReplica(b.getBlockId()).getWriter() == null);
    // pipeline recovery re-stamps the replica with a durable move within rbw/
    try (BlockClient c = new BlockClient(pipeline().get(0))) {
      assertTrue(c.openWrite(b.withNumBytes(4096), List.of(),
          BlockConstructionStage.RECOVER_APPEND, 2).isSuccess());
      sendAndAwaitAck(c, c.sendPacket(4096, DATA, 4096, 4096, true));
      sendAndAwaitAck(c, c.sendLast(8192));
    }
    assertEquals(1, syncs(0, b.getBlockId()), "no second fsync after the durable move");
  }
}
