package io.quire.client;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.util.DataChecksum;

/**
 * Chunk checksums computed from a packet frame into the same frame, and verified over a
 * received packet's data. For CRC32C the JDK's {@link CRC32C} reads a direct buffer in place
 * (Hadoop's {@code DataChecksum} copies each chunk of a direct buffer into an array first when
 * its native code is not loaded); arrays and other types go through {@code DataChecksum}.
 */
final class ChunkCrcs {
  private ChunkCrcs() {}

  /**
   * Writes the checksums of the {@code len} bytes at {@code dataOff} of {@code frame}, one per
   * chunk of {@code checksum}'s size counted from {@code dataOff}, big-endian, at
   * {@code sumsOff}. Positions and limit of {@code frame} are left alone.
   */
  static void compute(DataChecksum checksum, ByteBuffer frame, int dataOff, int len,
      int sumsOff) {
    ByteBuffer data = frame.duplicate().limit(dataOff + len).position(dataOff).slice();
    ByteBuffer sums = frame.duplicate()
        .limit(sumsOff + checksum.getChecksumSize() * chunks(checksum, len))
        .position(sumsOff).slice();
    if (checksum.getChecksumType() != DataChecksum.Type.CRC32C) {
      checksum.calculateChunkedSums(data, sums);
      return;
    }
    int bpc = checksum.getBytesPerChecksum();
    CRC32C crc = new CRC32C();
    for (int at = 0; at < len; at += bpc) {
      crc.reset();
      crc.update(data.limit(Math.min(len, at + bpc)).position(at));
      sums.putInt((int) crc.getValue());
    }
  }

  /**
   * Verifies {@code data} (position to limit) against {@code sums} (big-endian, one per chunk
   * of {@code checksum}'s size, from {@code sums}' position); positions are left alone.
   *
   * @param basePos offset in the block of {@code data}'s first byte
   * @throws ChecksumException at the first bad chunk, with its offset in the block
   */
  static void verify(DataChecksum checksum, ByteBuffer data, ByteBuffer sums, String name,
      long basePos) throws ChecksumException {
    if (!data.isDirect() || checksum.getChecksumType() != DataChecksum.Type.CRC32C) {
      checksum.verifyChunkedSums(data.duplicate(), sums.duplicate(), name, basePos);
      return;
    }
    int bpc = checksum.getBytesPerChecksum();
    ByteBuffer d = data.duplicate();
    int start = d.position();
    int end = d.limit();
    int at = sums.position();
    CRC32C crc = new CRC32C();
    for (int off = start; off < end; off += bpc, at += 4) {
      crc.reset();
      crc.update(d.limit(Math.min(end, off + bpc)).position(off));
      int expected = sums.getInt(at);
      int computed = (int) crc.getValue();
      if (computed != expected) {
        long errPos = basePos + off - start;
        throw new ChecksumException("Checksum error: " + name + " at " + errPos + " exp: "
            + expected + " got: " + computed, errPos);
      }
    }
  }

  private static int chunks(DataChecksum checksum, int len) {
    int bpc = checksum.getBytesPerChecksum();
    return (len + bpc - 1) / bpc;
  }
}
