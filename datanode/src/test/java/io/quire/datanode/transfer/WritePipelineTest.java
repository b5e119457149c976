package io.quire.datanode.transfer;

import io.quire.datanode.testing.ReplicaMeta;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.storage.Replica;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pipeline of three in-process DataNodes driven by a test client. */
class WritePipelineTest {
  private static DataNodeHarness h;
  private static DataNode[] dns;
  private static List<DataNodeId> pipeline;
  private static final AtomicLong NEXT_ID = new AtomicLong(1000);

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("WritePipelineTest");
    dns = h.startReported(3);
    pipeline = DataNodeHarness.pipelineOf(dns);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  private static Block newBlock() {
    return new Block(NEXT_ID.incrementAndGet(), 1001, 0);
  }

  @Test
  void threeNodePipelineWritesIdenticalFinalizedReplicas() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(1024 * 1024 + 123, 7);
    List<PipelineAck> acks = BlockClient.writeBlock(pipeline, b, data);
    assertEquals(18, acks.size());
    for (int i = 0; i < acks.size(); i++) {
      assertEquals(i, acks.get(i).getSeqno());
      assertEquals(List.of(Status.SUCCESS, Status.SUCCESS, Status.SUCCESS),
          acks.get(i).getReplies());
    }
    for (DataNode dn : dns) {
      Replica r = dn.getFsDataset().getReplica(b.getBlockId());
      assertEquals(ReplicaState.FINALIZED, r.getState());
      assertArrayEquals(data, Files.readAllBytes(dn.getBlockFile(b.getBlockId()).toPath()));
      File meta = dn.getMetaFile(b.getBlockId());
      assertEquals("blk_" + b.getBlockId() + "_1001.meta", meta.getName());
      assertArrayEquals(ReplicaMeta.of(data), Files.readAllBytes(meta.toPath()));
    }
    await().atMost(Timing.seconds(10)).until(() -> h.nn.receivedOf(b.getBlockId()).stream()
        .filter(r -> r.getState() == ReplicaState.FINALIZED
            && r.getBlock().getNumBytes() == data.length).count() == 3);
    assertEquals(3, h.nn.receivedOf(b.getBlockId()).stream()
        .filter(r -> r.getState() == ReplicaState.RBW).count());
  }

  @Test
  void readsUnalignedRangesWithVerifiedChecksums() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(300_000, 8);
    BlockClient.writeBlock(pipeline, b, data);
    Block full = b.withNumBytes(data.length);
    long[][] ranges = {{0, data.length}, {1, 10}, {511, 2}, {513, 70_000}, {299_999, 1},
        {123_457, 1_000_000}, {data.length, 0}};
    for (DataNode dn : dns) {
      for (long[] r : ranges) {
        BlockClient.ReadResult res = BlockClient.read(dn.getDataNodeId(), full, r[0], r[1]);
        assertTrue(res.response().isSuccess(), res.response().toString());
        assertEquals(r[0] - r[0] % 512, res.response().getChunkOffset());
        assertEquals(data.length, res.response().getLength());
        int n = (int) Math.min(r[1], data.length - r[0]);
        byte[] want = new byte[n];
        System.arraycopy(data, (int) r[0], want, 0, n);
        assertArrayEquals(want, res.data(), "range " + r[0] + "+" + r[1]);
      }
    }
  }

  @Test
  void readErrorsNameTheBlock() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(1000, 9);
    BlockClient.writeBlock(pipeline.subList(0, 1), b, data);
    OpResponse wrongGs = BlockClient.read(pipeline.get(0), new Block(b.getBlockId(), 2000, 0),
        0, 10).response();
    assertEquals(Status.ERROR_NOT_FOUND, wrongGs.getStatus());
    assertTrue(wrongGs.getMessage().contains("blk_" + b.getBlockId()), wrongGs.getMessage());
    OpResponse unknown = BlockClient.read(pipeline.get(0), new Block(1, 1, 0), 0, 10)
        .response();
    assertEquals(Status.ERROR_NOT_FOUND, unknown.getStatus());
    OpResponse beyond = BlockClient.read(pipeline.get(0), b, 1001, 10).response();
    assertEquals(Status.ERROR_INVALID, beyond.getStatus());
  }

  @Test
  void blockChecksumIsCrc32cOfTheBytes() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(200_000 + 77, 10);
    BlockClient.writeBlock(pipeline, b, data);
    for (int len : new int[] {data.length, 512 * 10, 1, 0, 100_001}) {
      OpResponse r = BlockClient.blockOp(pipeline.get(1),
          io.quire.protocol.datatransfer.Op.BLOCK_CHECKSUM, b.withNumBytes(len), 0, 0);
      assertTrue(r.isSuccess(), r.toString());
      assertEquals(512, r.getBytesPerChecksum());
      assertEquals(Crc32cReference.composed(data, len), r.getBlockCrc(), "len " + len);
      assertEquals(Crc32cReference.direct(data, len), r.getBlockCrc(), "len " + len);
    }
  }

  @Test
  void clientDisconnectMidBlockLeavesRbw() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(200_000, 11);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, pipeline.subList(1, 3), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      c.sendPacket(0, data, 0, 65536, false);
      c.sendPacket(65536, data, 65536, 65536, true);
      PipelineAck a0 = PipelineAck.read(c.in);
      PipelineAck a1 = PipelineAck.read(c.in);
      assertEquals(1, a1.getSeqno(), a0 + " " + a1);
    }
    for (DataNode dn : dns) {
      await().atMost(Timing.seconds(10)).until(() ->
          dn.getFsDataset().getReplica(b.getBlockId()).getWriter() == null);
      Replica r = dn.getFsDataset().getReplica(b.getBlockId());
      assertEquals(ReplicaState.RBW, r.getState());
      assertEquals(131072, r.getVisibleLength());
      assertTrue(r.getBlockFile().getParentFile().getName().equals("rbw"));
    }
    assertTrue(h.nn.receivedOf(b.getBlockId()).stream()
        .noneMatch(r -> r.getState() == ReplicaState.FINALIZED));
    // an RBW replica is readable up to its acked length
    BlockClient.ReadResult res = BlockClient.read(pipeline.get(2), b, 1000, 200_000);
    assertEquals(131072 - 1000, res.data().length);
  }

  /** The last node verifies (the first forwards and stores): see PipelineChecksumTest. */
  @Test
  void corruptPacketIsAckedErrorChecksumAndNotFinalized() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(4096, 12);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, pipeline.subList(1, 2), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      byte[] bad = new byte[Packet.checksumLenFor(4096)];
      c.sendRawPacket(0, data, bad);
      PipelineAck ack = PipelineAck.read(c.in);
      assertEquals(List.of(Status.SUCCESS, Status.ERROR_CHECKSUM), ack.getReplies());
    }
    for (int i = 0; i < 2; i++) {
      DataNode dn = dns[i];
      await().atMost(Timing.seconds(10)).until(() ->
          dn.getFsDataset().getReplica(b.getBlockId()).getWriter() == null);
      assertEquals(ReplicaState.RBW, dn.getFsDataset().getReplica(b.getBlockId()).getState());
      assertEquals(0, dn.getFsDataset().getReplica(b.getBlockId()).getVisibleLength());
    }
    assertEquals(0, dns[1].getFsDataset().getReplica(b.getBlockId()).getBytesOnDisk());
  }

  @Test
  void unreachableDownstreamIsReportedAsFirstBadLink() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    DataNodeId dead = new DataNodeId("dead-node", "127.0.0.1", deadPort);
    Block b = newBlock();
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b, List.of(pipeline.get(1), dead),
          BlockConstructionStage.CREATE, b.getGenerationStamp());
      assertEquals(Status.ERROR, r.getStatus());
      assertEquals("127.0.0.1:" + deadPort, r.getFirstBadLink());
    }
  }

  @Test
  void appendToPartialChunkRecomputesOnDiskCrcs() throws IOException {
    Block b = newBlock();
    byte[] first = TestData.random(1000, 13);
    BlockClient.writeBlock(pipeline, b, first);
    byte[] more = TestData.random(70_000, 14);
    byte[] all = new byte[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    long newGs = 1002;
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b.withNumBytes(first.length), pipeline.subList(1, 3),
          BlockConstructionStage.RECOVER_APPEND, newGs);
      assertTrue(r.isSuccess(), r.toString());
      List<PipelineAck> acks = c.writeAll(first.length, more, 64 * 1024);
      for (PipelineAck a : acks) {
        assertEquals(-1, a.firstFailedIndex(), a.toString());
      }
    }
    for (DataNode dn : dns) {
      Replica r = dn.getFsDataset().getReplica(b.getBlockId());
      assertEquals(ReplicaState.FINALIZED, r.getState());
      assertEquals(newGs, r.getGenerationStamp());
      assertArrayEquals(all, Files.readAllBytes(r.getBlockFile().toPath()));
      assertArrayEquals(ReplicaMeta.of(all), Files.readAllBytes(r.getMetaFile().toPath()));
      assertFalse(new File(r.getMetaFile().getParentFile(),
          "blk_" + b.getBlockId() + "_1001.meta").exists());
    }
    BlockClient.ReadResult res = BlockClient.read(pipeline.get(2),
        new Block(b.getBlockId(), newGs, all.length), 900, 1000);
    byte[] want = new byte[1000];
    System.arraycopy(all, 900, want, 0, 1000);
    assertArrayEquals(want, res.data());
  }

  @Test
  void recoverAppendTruncatesToTheAckedLength() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(5000, 15);
    BlockClient.writeBlock(pipeline.subList(0, 1), b, data);
    byte[] tail = TestData.random(100, 16);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b.withNumBytes(3333), List.of(),
          BlockConstructionStage.RECOVER_APPEND, 1005).isSuccess());
      c.writeAll(3333, tail, 65536);
    }
    byte[] want = new byte[3433];
    System.arraycopy(data, 0, want, 0, 3333);
    System.arraycopy(tail, 0, want, 3333, 100);
    Replica r = dns[0].getFsDataset().getReplica(b.getBlockId());
    assertArrayEquals(want, Files.readAllBytes(r.getBlockFile().toPath()));
    assertArrayEquals(ReplicaMeta.of(want), Files.readAllBytes(r.getMetaFile().toPath()));
    assertNull(dns[1].getFsDataset().getReplica(b.getBlockId()));
  }

  @Test
  void writerMayResendItsPartialChunkAfterHflush() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(5000, 18);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, pipeline.subList(1, 3), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      c.sendPacket(0, data, 0, 1000, true);
      assertEquals(-1, PipelineAck.read(c.in).firstFailedIndex());
      for (DataNode dn : dns) {
        assertEquals(1000, dn.getFsDataset().getReplica(b.getBlockId()).getVisibleLength());
      }
      // continue from the start of the partial chunk, as an HDFS-style client does
      c.sendPacket(512, data, 512, 4488, false);
      c.sendLast(5000);
      assertEquals(-1, PipelineAck.read(c.in).firstFailedIndex());
      assertEquals(-1, PipelineAck.read(c.in).firstFailedIndex());
    }
    for (DataNode dn : dns) {
      Replica r = dn.getFsDataset().getReplica(b.getBlockId());
      assertEquals(ReplicaState.FINALIZED, r.getState());
      assertArrayEquals(data, Files.readAllBytes(r.getBlockFile().toPath()));
      assertArrayEquals(ReplicaMeta.of(data), Files.readAllBytes(r.getMetaFile().toPath()));
    }
  }

  @Test
  void emptyKeepAlivePacketsAreAckedThroughThePipeline() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(2000, 20);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, pipeline.subList(1, 3), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      c.sendPacket(0, data, 0, 1000, false);
      c.sendPacket(1000, data, 1000, 0, false);
      c.sendPacket(1000, data, 1000, 1000, false);
      c.sendLast(2000);
      for (int i = 0; i < 4; i++) {
        PipelineAck a = PipelineAck.read(c.in);
        assertEquals(i, a.getSeqno());
        assertEquals(List.of(Status.SUCCESS, Status.SUCCESS, Status.SUCCESS), a.getReplies());
      }
    }
    assertArrayEquals(data, Files.readAllBytes(dns[2].getBlockFile(b.getBlockId()).toPath()));
  }

  @Test
  void packetBeforeThePartialChunkIsRefused() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(3000, 19);
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      assertTrue(c.openWrite(b, List.of(), BlockConstructionStage.CREATE,
          b.getGenerationStamp()).isSuccess());
      c.sendPacket(0, data, 0, 2000, false);
      c.sendPacket(1000, data, 1000, 1000, false);
      assertEquals(-1, PipelineAck.read(c.in).firstFailedIndex());
      assertEquals(Status.ERROR_INVALID, PipelineAck.read(c.in).getReplies().get(0));
    }
  }

  @Test
  void visibleLengthAndTransferStage() throws IOException {
    Block b = newBlock();
    byte[] data = TestData.random(10_000, 17);
    BlockClient.writeBlock(pipeline.subList(0, 1), b, data);
    OpResponse vl = BlockClient.blockOp(pipeline.get(0),
        io.quire.protocol.datatransfer.Op.VISIBLE_LENGTH, b, 0, 0);
    assertEquals(10_000, vl.getLength());
    assertEquals(ReplicaState.FINALIZED, vl.getReplicaState());
    new BlockTransferClient(dns[0].getFsDataset(), dns[0].getOptions(),
        dns[0].getTransferBuffers())
        .transfer(b, List.of(pipeline.get(1), pipeline.get(2)));
    for (int i = 1; i < 3; i++) {
      Replica r = dns[i].getFsDataset().getReplica(b.getBlockId());
      assertEquals(ReplicaState.FINALIZED, r.getState());
      assertArrayEquals(data, Files.readAllBytes(r.getBlockFile().toPath()));
    }
    List<ReportedBlock> finalized = h.nn.receivedOf(b.getBlockId());
    await().atMost(Timing.seconds(10)).until(() -> h.nn.receivedOf(b.getBlockId()).stream()
        .filter(r -> r.getState() == ReplicaState.FINALIZED).count() == 3);
    assertTrue(finalized.stream().noneMatch(r -> r.getState() == ReplicaState.RBW
        && !r.getBlock().equals(b)));
  }
}
