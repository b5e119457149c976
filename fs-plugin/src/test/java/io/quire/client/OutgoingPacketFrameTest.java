package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.datatransfer.Packet;
import io.quire.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.apache.hadoop.util.DataChecksum;
import org.junit.jupiter.api.Test;

/** The wire frame an {@link OutgoingPacket} writes, and the reuse of acknowledged frames. */
class OutgoingPacketFrameTest {
  private static final DataChecksum CRC =
      DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512);

  private static Packet roundTrip(OutgoingPacket p, long seqno) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.writeTo(bytes, seqno);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    Packet read = Packet.read(in);
    assertEquals(-1, in.read(), "the frame is exactly one packet");
    return read;
  }

  @Test
  void partlyFilledPacketFramesItsChecksumsRightBeforeItsData() throws IOException {
    OutgoingPacket p = OutgoingPacket.forData(4096, 64 * 1024);
    byte[] data = TestData.random(1300, 11);
    p.append(data, 0, 1000);
    p.append(data, 1000, 300);
    assertFalse(p.isFull());
    p.seal(CRC, true);
    Packet read = roundTrip(p, 7);
    assertEquals(4096, read.getOffsetInBlock());
    assertEquals(7, read.getSeqno());
    assertTrue(read.isSyncBlock());
    assertFalse(read.isLastPacketInBlock());
    assertArrayEquals(data, Arrays.copyOf(read.getData(), read.getDataLen()));
    assertEquals(12, read.getChecksums().length);
    for (int i = 0; i < 3; i++) {
      CRC32C crc = new CRC32C();
      crc.update(data, i * 512, Math.min(512, 1300 - i * 512));
      assertEquals((int) crc.getValue(),
          java.nio.ByteBuffer.wrap(read.getChecksums(), i * 4, 4).getInt(), "chunk " + i);
    }
    assertArrayEquals(read.getChecksums(), p.checksums());
    assertEquals(8, roundTrip(p, 8).getSeqno(), "a resend carries the new pipeline's seqno");
  }

  @Test
  void emptyPacketsFrameAsHeaderOnly() throws IOException {
    Packet end = roundTrip(OutgoingPacket.endOfBlock(1024), 3);
    assertTrue(end.isLastPacketInBlock());
    assertEquals(0, end.getDataLen());
    assertEquals(1024, end.getOffsetInBlock());
    Packet hb = roundTrip(OutgoingPacket.heartbeat(512), 9);
    assertEquals(OutgoingPacket.HEARTBEAT_SEQNO, hb.getSeqno());
    assertEquals(0, hb.getDataLen());
  }

  @Test
  void acknowledgedFrameIsReusedForTheNextPacket() throws IOException {
    FramePool pool = new FramePool();
    PacketQueue q = new PacketQueue(4, pool);
    int cap = 32 * 1024;
    OutgoingPacket first = OutgoingPacket.forData(0, cap,
        q.takeFreeFrame(OutgoingPacket.frameCapacity(cap)));
    byte[] data = TestData.random(cap, 3);
    first.append(data, 0, cap);
    first.seal(CRC, false);
    q.enqueue(first);
    assertSame(first, q.awaitNext());
    q.markSent(first);
    assertEquals(0, pool.pooledBytes(), "nothing acked yet");
    first.writeTo(new ByteArrayOutputStream(), 0);
    assertSame(first, q.acked(0));
    assertEquals(OutgoingPacket.frameCapacity(cap), pool.pooledBytes(), "the frame went back");
    java.nio.ByteBuffer frame = q.takeFreeFrame(OutgoingPacket.frameCapacity(cap));
    assertTrue(frame.isDirect(), "full-sized frames are direct");
    assertEquals(OutgoingPacket.frameCapacity(cap), frame.capacity());
    assertEquals(0, pool.pooledBytes(), "handed out once");

    OutgoingPacket second = OutgoingPacket.forData(cap, cap, frame);
    byte[] more = TestData.random(cap, 4);
    second.append(more, 0, cap);
    second.seal(CRC, false);
    Packet read = roundTrip(second, 1);
    assertArrayEquals(more, Arrays.copyOf(read.getData(), read.getDataLen()));
    assertEquals(cap, read.getOffsetInBlock());
    assertArrayEquals(expectedSums(more, cap), read.getChecksums());
  }

  @Test
  void aLargerPooledFrameCarriesASmallerPacketAndPartialChunks() throws IOException {
    FramePool pool = new FramePool();
    pool.give(java.nio.ByteBuffer.allocateDirect(OutgoingPacket.frameCapacity(64 * 1024)));
    for (int len : new int[] {20_000, 20_001, 20_480 + 511, 17_000}) {
      java.nio.ByteBuffer f = pool.take(OutgoingPacket.frameCapacity(len));
      assertTrue(f.isDirect());
      OutgoingPacket p = OutgoingPacket.forData(len, len, f);
      byte[] data = TestData.random(len, len);
      // bytes one at a time and in odd pieces, as a writer calls write(int) and write(b)
      p.append(data[0]);
      assertEquals(len - 1, p.append(data, 1, len - 1));
      assertTrue(p.isFull());
      p.seal(CRC, len % 2 == 0);
      Packet read = roundTrip(p, 5);
      assertArrayEquals(data, Arrays.copyOf(read.getData(), read.getDataLen()), "len " + len);
      assertArrayEquals(expectedSums(data, len), read.getChecksums(), "len " + len);
      assertArrayEquals(data, p.data());
      pool.give(p.releaseFrame());
    }
  }

  @Test
  void smallFramesAreHeapAndThePoolIsBounded() {
    FramePool pool = new FramePool();
    assertFalse(pool.take(FramePool.DIRECT_MIN - 1).isDirect());
    pool.give(java.nio.ByteBuffer.allocate(FramePool.DIRECT_MIN));
    assertEquals(0, pool.pooledBytes(), "heap frames are not pooled");
    int frame = 1 << 20;
    for (long i = 0; i <= FramePool.MAX_POOLED_BYTES / frame; i++) {
      pool.give(java.nio.ByteBuffer.allocateDirect(frame));
    }
    assertEquals(FramePool.MAX_POOLED_BYTES, pool.pooledBytes());
  }

  private static byte[] expectedSums(byte[] data, int len) {
    byte[] sums = new byte[Packet.checksumLenFor(len)];
    CRC.calculateChunkedSums(data, 0, len, sums, 0);
    return sums;
  }
}
