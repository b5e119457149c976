package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A peer's packet headers cannot make a DataNode allocate what it likes: a header declaring
 * more than {@code quire.datanode.transfer.max-packet-size}, or impossible lengths, is answered
 * with an ERROR_INVALID ack and the connection closed; and all connections together hold at
 * most {@code quire.datanode.transfer.buffer-budget} bytes of packet buffers, a connection
 * that cannot get its buffer in time being refused with an ERROR ack.
 */
class HostilePacketTest {
  private static final int MAX_PACKET = 128 * 1024;
  private static final int FRAME = PacketHeader.SIZE + PacketHeader.checksumLenFor(MAX_PACKET)
      + MAX_PACKET;
  private static final long BUDGET = 3L * FRAME + 1000;
  private static final AtomicLong NEXT_ID = new AtomicLong(9000);
  private static DataNodeHarness h;
  private static DataNode dn;
  private static DataNodeId id;

  @BeforeAll
  static void start() {
    h = new DataNodeHarness("HostilePacketTest");
    Configuration c = h.conf(0);
    c.setInt(DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY, MAX_PACKET);
    c.setLong(DataNodeConfigKeys.TRANSFER_BUFFER_BUDGET_KEY, BUDGET);
    c.setInt(DataNodeConfigKeys.TRANSFER_BUFFER_WAIT_KEY, 300);
    dn = h.start(c);
    id = dn.getDataNodeId();
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  private static BlockClient openWrite() throws IOException {
    BlockClient c = new BlockClient(id);
    assertTrue(c.openWrite(new Block(NEXT_ID.incrementAndGet(), 1, 0), List.of(),
        BlockConstructionStage.CREATE, 1).isSuccess());
    return c;
  }

  /** A raw header: offset 0, the given seqno, no flags, the given lengths. */
  private static byte[] header(long seqno, int dataLen, int checksumLen) {
    return ByteBuffer.allocate(PacketHeader.SIZE).putLong(0).putLong(seqno).put((byte) 0)
        .putInt(dataLen).putInt(checksumLen).array();
  }

  /** The DataNode answers {@code seqno} with {@code status} alone and closes the connection. */
  private static void assertRefused(BlockClient c, long seqno, Status status) throws IOException {
    PipelineAck ack = PipelineAck.read(c.in);
    assertEquals(seqno, ack.getSeqno(), ack.toString());
    assertEquals(List.of(status), ack.getReplies());
    assertEquals(-1, c.in.read(), "connection closed after the error ack");
  }

  private static void assertStillServes() throws IOException {
    Block b = new Block(NEXT_ID.incrementAndGet(), 1, 0);
    byte[] data = new byte[300_000];
    new Random(b.getBlockId()).nextBytes(data);
    try (BlockClient c = new BlockClient(id)) {
      assertTrue(c.openWrite(b, List.of(), BlockConstructionStage.CREATE, 1).isSuccess());
      for (PipelineAck a : c.writeAll(0, data, MAX_PACKET)) {
        assertEquals(-1, a.firstFailedIndex(), a.toString());
      }
    }
    assertArrayEquals(data, Files.readAllBytes(dn.getBlockFile(b.getBlockId()).toPath()));
    await("buffers released").atMost(Timing.seconds(10))
        .until(() -> dn.getTransferBuffers().getReservedBytes() == 0);
  }

  @Test
  void headerDeclaringMoreThanTheLimitIsRefused() throws IOException {
    try (BlockClient c = openWrite()) {
      c.out.write(header(5, 1 << 20, PacketHeader.checksumLenFor(1 << 20)));
      c.out.flush();
      assertRefused(c, 5, Status.ERROR_INVALID);
    }
    assertStillServes();
  }

  @Test
  void impossibleLengthsAreRefused() throws IOException {
    int[][] lengths = {{-1, 0}, {Integer.MIN_VALUE, 4}, {Integer.MAX_VALUE, 4}, {1000, 0},
        {1000, -8}, {512, 8}};
    for (int[] l : lengths) {
      try (BlockClient c = openWrite()) {
        c.out.write(header(7, l[0], l[1]));
        c.out.flush();
        assertRefused(c, 7, Status.ERROR_INVALID);
      }
    }
    assertStillServes();
  }

  @Test
  void connectionsShareOneBoundedBufferBudget() throws Exception {
    List<BlockClient> clients = new ArrayList<>();
    int refused = 0;
    int holding = 0;
    try {
      for (int i = 0; i < 5; i++) {
        BlockClient c = openWrite();
        // a full-size packet is announced, its body never comes: the buffer stays taken
        c.out.write(header(0, MAX_PACKET, PacketHeader.checksumLenFor(MAX_PACKET)));
        c.out.flush();
        clients.add(c);
      }
      await().atMost(Timing.seconds(10))
          .until(() -> dn.getTransferBuffers().getReservedBytes() == 3L * FRAME);
      for (BlockClient c : clients) {
        c.setReadTimeout(2000);
        try {
          PipelineAck ack = PipelineAck.read(c.in);
          assertEquals(List.of(Status.ERROR), ack.getReplies(), ack.toString());
          assertEquals(-1, c.in.read(), "connection closed after the error ack");
          refused++;
        } catch (SocketTimeoutException stillWaitingForTheBody) {
          holding++;
        }
      }
      assertEquals(3, holding, "connections within the budget keep their buffers");
      assertEquals(2, refused, "connections beyond the budget are refused");
      assertEquals(3L * FRAME, dn.getTransferBuffers().getReservedBytes());
    } finally {
      for (BlockClient c : clients) {
        c.close();
      }
    }
    assertStillServes();
  }
}
