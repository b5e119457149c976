package io.quire.datanode.transfer;

import java.util.zip.CRC32C;
import org.apache.hadoop.util.CrcUtil;

/** Independent reference values for block checksums. */
final class Crc32cReference {
  private Crc32cReference() {}

  /** java.util.zip.CRC32C over the first {@code len} bytes. */
  static int direct(byte[] data, int len) {
    CRC32C c = new CRC32C();
    c.update(data, 0, len);
    return (int) c.getValue();
  }

  /** Per-512-byte CRC32C values composed with CrcUtil.compose. */
  static int composed(byte[] data, int len) {
    int crc = 0;
    boolean first = true;
    for (int off = 0; off < len; off += 512) {
      int n = Math.min(512, len - off);
      CRC32C c = new CRC32C();
      c.update(data, off, n);
      int chunk = (int) c.getValue();
      crc = first ? chunk : CrcUtil.compose(crc, chunk, n, CrcUtil.CASTAGNOLI_POLYNOMIAL);
      first = false;
    }
    return crc;
  }
}
