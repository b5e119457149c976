package io.quire.client;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.apache.hadoop.util.DataChecksum;

/**
 * Chunk checksums computed from a packet frame into the same frame. For CRC32C the JDK's
 * {@link CRC32C} reads a direct buffer in place (Hadoop's {@code DataChecksum} copies each chunk
 * of a direct buffer into an array first when its native code is not loaded); other types go
 * through {@code DataChecksum}.
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

  private static int chunks(DataChecksum checksum, int len) {
    int bpc = checksum.getBytesPerChecksum();
    return (len + bpc - 1) / bpc;
  }
}
