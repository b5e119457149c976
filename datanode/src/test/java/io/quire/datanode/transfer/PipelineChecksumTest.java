package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.faults.DataNodeFaultInjector.PacketData;
import io.quire.datanode.scanner.BlockScanner;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Only the last DataNode of a pipeline verifies packet CRCs (as in HDFS): a corrupt packet is
 * still caught end to end, no node finalizes a replica holding it, and a copy that a middle
 * node stored corrupt (not what it forwarded) is caught by its block scanner and by readers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PipelineChecksumTest {
  private static final int PACKET = 64 * 1024;
  private static DataNodeHarness h;
  private static DataNode[] dns;
  private static List<DataNodeId> pipeline;
  private static final AtomicLong NEXT_ID = new AtomicLong(5000);

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("PipelineChecksumTest");
    dns = new DataNode[3];
    for (int i = 0; i < 3; i++) {
      Configuration c = h.conf(i);
      c.setLong(DataNodeConfigKeys.SCAN_PERIOD_KEY, 0); // scans only when triggered
      c.setLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY, 0);
      c.setLong(DataNodeConfigKeys.SYNC_BEHIND_BYTES_KEY, PACKET); // forces behind the writes
      dns[i] = h.start(c);
    }
    pipeline = DataNodeHarness.pipelineOf(dns);
    await().atMost(Timing.seconds(10)).until(() -> h.nn.reports.get() >= 3);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  @AfterEach
  void clearFaults() {
    for (DataNode dn : dns) {
      dn.getFaultInjector().clearAll();
    }
  }

  private static Block newBlock() {
    return new Block(NEXT_ID.incrementAndGet(), 1001, 0);
  }

  /** Flips one data byte of packet {@code seqno} where the action is installed. */
  private static DataNodeFaultInjector.Action corrupt(long seqno) {
    return ctx -> {
      PacketData p = (PacketData) ctx;
      if (p.seqno() == seqno) {
        p.data().put(100, (byte) (p.data().get(100) ^ 0x5a));
      }
    };
  }

  private static Replica replica(DataNode dn, Block b) {
    return dn.getFsDataset().getReplica(b.getBlockId());
  }

  private static void awaitWriterGone(Block b) {
    for (DataNode dn : dns) {
      await().atMost(Timing.seconds(20)).until(() -> replica(dn, b).getWriter() == null);
    }
  }

  @Test
  void aNodeWithoutDownstreamVerifies() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(4096, 1);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, List.of(), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      c.sendRawPacket(0, data, new byte[Packet.checksumLenFor(data.length)]);
      assertEquals(List.of(Status.ERROR_CHECKSUM), PipelineAck.read(c.in).getReplies());
    }
    await().atMost(Timing.seconds(20)).until(() -> replica(dns[0], b).getWriter() == null);
    assertEquals(ReplicaState.RBW, replica(dns[0], b).getState());
    assertEquals(0, replica(dns[0], b).getBytesOnDisk());
  }

  /**
   * The hop into the first node corrupts packet 1: the first two nodes store and forward it
   * unverified, the last one refuses it with ERROR_CHECKSUM, and no node finalizes the
   * replica, although the writer had already sent the end of the block.
   */
  @Test
  void corruptPacketPassesTheFirstNodesAndIsCaughtByTheLast() throws IOException {
    dns[0].getFaultInjector().set(DataNodeFaultInjector.Point.PACKET_RECEIVED, corrupt(1));
    Block b = newBlock();
    byte[] data = TestData.random(3 * PACKET, 2);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, pipeline.subList(1, 3), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      for (int i = 0; i < 3; i++) {
        c.sendPacket((long) i * PACKET, data, i * PACKET, PACKET, false);
      }
      try {
        c.sendLast(data.length);
      } catch (IOException e) {
        // the pipeline may already be closing: the acks below tell what happened
      }
      assertEquals(List.of(Status.SUCCESS, Status.SUCCESS, Status.SUCCESS),
          PipelineAck.read(c.in).getReplies());
      PipelineAck second = PipelineAck.read(c.in);
      assertEquals(1, second.getSeqno());
      assertEquals(List.of(Status.SUCCESS, Status.SUCCESS, Status.ERROR_CHECKSUM),
          second.getReplies());
    }
    awaitWriterGone(b);
    for (DataNode dn : dns) {
      Replica r = replica(dn, b);
      assertEquals(ReplicaState.RBW, r.getState(), "not finalized on " + dn.getDataNodeId());
      assertEquals(PACKET, r.getVisibleLength(), "acknowledged on " + dn.getDataNodeId());
    }
    assertEquals(PACKET, replica(dns[2], b).getBytesOnDisk(), "the last node stored packet 0");
  }

  /**
   * The middle node stores a corrupt copy of packet 1 after forwarding the good one: nothing
   * notices while writing (the last node got good data), but a reader of that replica and its
   * block scanner do, and the scanner reports it to the NameNode.
   */
  @Test
  void corruptCopyOnTheMiddleNodeIsCaughtByReadersAndTheScanner() throws Exception {
    dns[1].getFaultInjector().set(DataNodeFaultInjector.Point.BEFORE_PACKET_WRITE, corrupt(1));
    Block b = newBlock();
    byte[] data = TestData.random(3 * PACKET + 1000, 3);
    for (PipelineAck ack : BlockClient.writeBlock(pipeline, b, data)) {
      assertEquals(-1, ack.firstFailedIndex(), ack.toString());
    }
    Block written = b.withNumBytes(data.length);
    for (int i : new int[] {0, 2}) {
      assertArrayEquals(data, BlockClient.read(pipeline.get(i), written, 0, data.length).data());
    }
    assertThrows(ChecksumException.class,
        () -> BlockClient.read(pipeline.get(1), written, 0, data.length));
    byte[] onDisk = Files.readAllBytes(dns[1].getBlockFile(b.getBlockId()).toPath());
    assertEquals(data.length, onDisk.length);
    BlockScanner s = dns[1].getBlockScanner();
    long before = s.getCorruptReplicasFound();
    assertTrue(s.awaitScan(s.triggerScanNow(), Timing.seconds(20).toMillis()), "scanned");
    assertEquals(before + 1, s.getCorruptReplicasFound());
    await().atMost(Timing.seconds(20)).until(() -> h.nn.badBlocks.stream()
        .anyMatch(x -> x.getBlockId() == b.getBlockId()));
  }
}
