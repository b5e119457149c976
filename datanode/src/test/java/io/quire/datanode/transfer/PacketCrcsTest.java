package io.quire.datanode.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.storage.BlockMetaFile;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.ChecksumException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Receiver-side CRC verification over direct slices agrees with Hadoop's DataChecksum. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PacketCrcsTest {
  /** A direct frame: 25 bytes of header, the sums, then the data; returns {data, sums}. */
  private static ByteBuffer[] packet(int len, long seed) {
    byte[] data = new byte[len];
    new Random(seed).nextBytes(data);
    int chunks = (len + 511) / 512;
    byte[] sums = new byte[4 * chunks];
    BlockMetaFile.newChecksum().calculateChunkedSums(data, 0, len, sums, 0);
    ByteBuffer frame = ByteBuffer.allocateDirect(25 + sums.length + len);
    frame.position(25);
    frame.put(sums).put(data);
    ByteBuffer s = frame.duplicate().limit(25 + sums.length).position(25).slice();
    ByteBuffer d = frame.duplicate().limit(frame.capacity()).position(25 + sums.length).slice();
    return new ByteBuffer[] {d, s};
  }

  @Test
  void goodPacketsOfEverySizePass() throws Exception {
    for (int len : new int[] {1, 511, 512, 513, 65536, 65537, 1 << 20}) {
      ByteBuffer[] p = packet(len, len);
      PacketCrcs.verify(p[0], p[1], "blk_1", 0);
      assertEquals(0, p[0].position(), "positions are left alone");
      assertEquals(len, p[0].remaining());
    }
  }

  @Test
  void aFlippedByteIsReportedAtItsChunk() {
    ByteBuffer[] p = packet(70_000, 3);
    p[0].put(1024 + 17, (byte) (p[0].get(1024 + 17) ^ 1));
    ChecksumException e = assertThrows(ChecksumException.class,
        () -> PacketCrcs.verify(p[0], p[1], "blk_7", 4096));
    assertEquals(4096 + 1024, e.getPos());
    assertTrue(e.getMessage().contains("blk_7"), e.getMessage());
    ByteBuffer[] q = packet(700, 4);
    q[1].put(4, (byte) (q[1].get(4) ^ 1)); // the CRC of the partial last chunk
    assertEquals(512, assertThrows(ChecksumException.class,
        () -> PacketCrcs.verify(q[0], q[1], "blk_8", 0)).getPos());
  }
}
