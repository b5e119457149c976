package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.net.SocketWriteTimeouts;
import io.quire.protocol.net.TimedSocketOutput;
import io.quire.protocol.types.Block;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wire bytes of {@link BlockSender}: the zero-copy path (header and CRCs written, data by
 * {@code transferTo}) sends exactly the bytes of the copying path, and packets of any size
 * carry the replica's data with a correct CRC32C per 512-byte chunk (also for a final partial
 * chunk), numbered from 0 and ended by an empty last packet. Frames are decoded with the one
 * codec, {@link Packet#read}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlockSenderWireTest {
  /** Three and a half read packets, then a partial chunk. */
  private static final int LEN = 3 * BlockSender.READ_PACKET_DATA + 300 * 512 + 123;
  private static DataNodeHarness h;
  private static DataNode dn;
  private static Block block;
  private static byte[] data;

  @BeforeAll
  static void start() throws IOException {
    h = new DataNodeHarness("BlockSenderWire");
    dn = h.start(0);
    await().atMost(Timing.seconds(20)).until(() -> h.nn.registrations.size() == 1);
    block = new Block(4711, 1, 0);
    data = new byte[LEN];
    new Random(4711).nextBytes(data);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), block, data);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  @Test
  void zeroCopySendsTheSameBytesAsCopying() throws Exception {
    long[][] ranges = {{0, LEN}, {512, 512L * 2000}, {BlockSender.READ_PACKET_DATA, LEN},
        {LEN - 123, LEN}, {0, 512}};
    for (long[] r : ranges) {
      byte[] zeroCopy = wire(true, BlockSender.READ_PACKET_DATA, r[0], r[1]);
      byte[] copied = wire(false, BlockSender.READ_PACKET_DATA, r[0], r[1]);
      assertArrayEquals(copied, zeroCopy, "range " + r[0] + "-" + r[1]);
      checkPackets(zeroCopy, BlockSender.READ_PACKET_DATA, r[0], r[1]);
    }
  }

  @Test
  void readAndTransferPacketSizesCarryTheSameData() throws Exception {
    byte[] big = wire(true, BlockSender.READ_PACKET_DATA, 0, LEN);
    byte[] small = wire(false, BlockSender.PACKET_DATA, 0, LEN);
    int bigPackets = checkPackets(big, BlockSender.READ_PACKET_DATA, 0, LEN);
    int smallPackets = checkPackets(small, BlockSender.PACKET_DATA, 0, LEN);
    assertEquals(4, bigPackets);
    assertEquals((LEN + BlockSender.PACKET_DATA - 1) / BlockSender.PACKET_DATA, smallPackets);
  }

  @Test
  void aReadBlockAnswerUsesReadPackets() throws IOException {
    BlockClient.ReadResult r = BlockClient.read(dn.getDataNodeId(), block, 1000, LEN);
    assertTrue(r.response().isSuccess(), r.response().toString());
    byte[] want = new byte[LEN - 1000];
    System.arraycopy(data, 1000, want, 0, want.length);
    assertArrayEquals(want, r.data());
  }

  /**
   * Decodes every packet of {@code wire}: offsets follow each other from {@code from}, seqnos
   * from 0, data at most {@code packetData}, CRCs those of the replica's chunks, data the
   * replica's bytes [from, to), then one empty last packet. Returns the data packets.
   */
  private static int checkPackets(byte[] wire, int packetData, long from, long to)
      throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire));
    long off = from;
    int seq = 0;
    while (true) {
      Packet p = Packet.read(in);
      assertEquals(seq, p.getSeqno());
      assertEquals(off, p.getOffsetInBlock());
      if (p.isLastPacketInBlock()) {
        assertEquals(0, p.getDataLen());
        break;
      }
      int n = p.getDataLen();
      assertTrue(n > 0 && n <= packetData, "packet " + seq + " of " + n + " bytes");
      byte[] want = new byte[n];
      System.arraycopy(data, (int) off, want, 0, n);
      assertArrayEquals(want, java.util.Arrays.copyOf(p.getData(), n), "data of packet " + seq);
      ByteBuffer sums = ByteBuffer.wrap(p.getChecksums());
      for (int c = 0; c < n; c += 512) {
        CRC32C crc = new CRC32C();
        crc.update(want, c, Math.min(512, n - c));
        assertEquals((int) crc.getValue(), sums.getInt(), "CRC of chunk at " + (off + c));
      }
      off += n;
      seq++;
    }
    assertEquals(to, off);
    assertEquals(-1, in.read(), "bytes after the last packet");
    return seq;
  }

  /** The bytes {@link BlockSender#sendPackets} puts on a loopback socket for [from, to). */
  private static byte[] wire(boolean zeroCopy, int packetData, long from, long to)
      throws Exception {
    InetAddress lo = InetAddress.getLoopbackAddress();
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(lo, 0));
      try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
           SocketChannel accepted = server.accept()) {
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> drain(client));
        Socket s = accepted.socket();
        TimedSocketOutput raw = SocketWriteTimeouts.shared().output(s, 0);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 128 * 1024));
        try (ReplicaInput in = ReplicaInput.open(dn.getFsDataset(), block, "test");
             HeapPacketBuffer packet = new HeapPacketBuffer(new BufferBudget(8L << 20, 1000),
                 "test")) {
          packet.ensureCapacity(BlockSender.bufferBytes(zeroCopy, packetData));
          new BlockSender(in, packet, packetData).sendPackets(out, zeroCopy ? raw : null,
              from, to);
        }
        out.flush();
        s.shutdownOutput();
        return received.get(60, TimeUnit.SECONDS);
      }
    }
  }

  private static byte[] drain(SocketChannel c) {
    try (InputStream in = c.socket().getInputStream()) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toByteArray();
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }
}
