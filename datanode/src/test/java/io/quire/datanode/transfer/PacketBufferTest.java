package io.quire.datanode.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PacketHeader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.DataChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What both packet buffers share: growth within the budget, all of it given back on close, and
 * frames laid out exactly as {@link Packet} encodes them (the heap buffer builds the frames a
 * DataNode sends; {@link DirectPacketBufferTest} covers the received ones over sockets).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PacketBufferTest {
  private static final int[] SIZES = {65536, 128 * 1024, 1000, 1 << 20, 0, 4 * 1024 * 1024, 512};

  @Test
  void sentFramesAreTheProtocolEncodingByteForByte() throws IOException {
    BufferBudget budget = new BufferBudget(64L << 20, 0);
    ByteArrayOutputStream want = new ByteArrayOutputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (HeapPacketBuffer p = new HeapPacketBuffer(budget, "test")) {
      long off = 0;
      for (int i = 0; i < SIZES.length; i++) {
        int len = SIZES[i];
        byte[] data = new byte[len];
        new Random(i).nextBytes(data);
        byte[] sums = new byte[Packet.checksumLenFor(len)];
        DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512)
            .calculateChunkedSums(data, 0, len, sums, 0);
        new Packet(off, i, len == 0, i % 2 == 1, sums, data, len)
            .write(new DataOutputStream(want));
        p.prepare(new PacketHeader(off, i, len == 0, i % 2 == 1, len));
        System.arraycopy(sums, 0, p.array(), p.checksumOffset(), sums.length);
        System.arraycopy(data, 0, p.array(), p.dataOffset(), len);
        assertEquals(i, p.getSeqno());
        assertEquals(off, p.getOffsetInBlock());
        assertEquals(len, p.getDataLen());
        assertEquals(len == 0, p.isLast());
        assertEquals(i % 2 == 1, p.isSync());
        byte[] viewed = new byte[len];
        p.data().get(viewed);
        assertArrayEquals(data, viewed, "data view of packet " + i);
        p.writeTo(got);
        off += len;
      }
      int largest = PacketHeader.SIZE + PacketHeader.checksumLenFor(4 << 20) + (4 << 20);
      assertEquals(largest, budget.getReservedBytes(), "the buffer grew to the largest frame");
    }
    assertArrayEquals(want.toByteArray(), got.toByteArray());
    assertEquals(0, budget.getReservedBytes(), "close gives the bytes back");
  }

  @Test
  void headerAndChecksumsAloneForZeroCopyData() throws IOException {
    BufferBudget budget = new BufferBudget(1 << 20, 0);
    try (HeapPacketBuffer p = new HeapPacketBuffer(budget, "test")) {
      PacketHeader h = new PacketHeader(512, 3, false, false, 100_000);
      p.prepareHeaderAndChecksums(h);
      assertEquals(h.dataOffset(), budget.getReservedBytes(), "no room taken for the data");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      p.writeHeaderAndChecksumsTo(out);
      byte[] header = new byte[PacketHeader.SIZE];
      h.encode(header, 0);
      assertArrayEquals(header, java.util.Arrays.copyOf(out.toByteArray(), PacketHeader.SIZE));
      assertEquals(PacketHeader.SIZE + PacketHeader.checksumLenFor(100_000), out.size());
    }
  }

  @Test
  void growthBeyondTheBudgetIsRefusedAndReservesNothing() throws IOException {
    BufferBudget budget = new BufferBudget(1 << 20, 0);
    try (HeapPacketBuffer heap = new HeapPacketBuffer(budget, "READ_BLOCK blk_1");
         DirectPacketBuffer direct = new DirectPacketBuffer(budget, 1 << 20, "WRITE_BLOCK blk_2",
             null, null, null)) {
      heap.ensureCapacity(600 * 1024);
      direct.ensureCapacity(300 * 1024);
      assertEquals(900 * 1024, budget.getReservedBytes());
      BufferBudgetExhaustedException e = assertThrows(BufferBudgetExhaustedException.class,
          () -> direct.ensureCapacity(500 * 1024));
      assertEquals(true, e.getMessage().startsWith("WRITE_BLOCK blk_2: "), e.getMessage());
      assertEquals(900 * 1024, budget.getReservedBytes(), "a refused growth keeps nothing");
      direct.ensureCapacity(100 * 1024);
      assertEquals(900 * 1024, budget.getReservedBytes(), "a smaller frame needs no growth");
    }
    assertEquals(0, budget.getReservedBytes(), "close gives everything back");
  }
}
