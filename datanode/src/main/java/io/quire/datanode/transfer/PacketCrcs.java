package io.quire.datanode.transfer;

import io.quire.datanode.storage.BlockMetaFile;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.ChecksumException;

/**
 * Verifies a received packet's chunk CRCs where the packet lies, a direct buffer included: the
 * JDK's {@link CRC32C} reads a direct buffer in place, where Hadoop's {@code DataChecksum}
 * without its native code copies each chunk into an array first. CRC32C over
 * {@link BlockMetaFile#BYTES_PER_CHECKSUM}-byte chunks counted from the packet's first byte,
 * each stored big-endian in 4 bytes, as {@link BlockMetaFile#newChecksum()} computes them.
 */
final class PacketCrcs {
  private static final int BPC = BlockMetaFile.BYTES_PER_CHECKSUM;

  private PacketCrcs() {}

  /**
   * Checks {@code data} (positioned at 0) against {@code sums}; the buffers' positions are left
   * alone.
   *
   * @throws ChecksumException naming {@code file} and the block offset of the first bad chunk
   */
  static void verify(ByteBuffer data, ByteBuffer sums, String file, long offsetInBlock)
      throws ChecksumException {
    ByteBuffer d = data.duplicate();
    int len = d.remaining();
    int base = d.position();
    CRC32C crc = new CRC32C();
    for (int at = 0, i = 0; at < len; at += BPC, i++) {
      crc.reset();
      crc.update(d.limit(base + Math.min(len, at + BPC)).position(base + at));
      int expected = sums.getInt(sums.position() + 4 * i);
      int got = (int) crc.getValue();
      if (got != expected) {
        long pos = offsetInBlock + at;
        throw new ChecksumException("Checksum error: " + file + " at " + pos + " exp: "
            + expected + " got: " + got, pos);
      }
    }
  }
}
