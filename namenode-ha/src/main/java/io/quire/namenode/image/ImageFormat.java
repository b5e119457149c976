package io.quire.namenode.image;

import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On-disk format of a checkpoint file, version {@value #VERSION}.
 *
 * <pre>
 * file    := header body trailer
 * header  := magic "QIMG" (4 ASCII bytes) | int version | long txId | long bodyLength  (24 bytes)
 * body    := bodyLength bytes written by the namesystem's {@link ImageBodyWriter}
 * trailer := int crc32c(body)                                                       (4 bytes)
 * </pre>
 * Integers are big-endian; CRC32C is {@link java.util.zip.CRC32C}. The file length must be
 * exactly {@code 24 + bodyLength + 4}. Named {@code fsimage_<txId>} (txid zero-padded to 19
 * digits); written as {@code fsimage_<txId>.tmp} and renamed when durable.
 */
final class ImageFormat {
  static final int VERSION = 1;
  static final byte[] MAGIC = {'Q', 'I', 'M', 'G'};
  static final int HEADER_SIZE = 24;
  static final int TRAILER_SIZE = 4;
  static final String PREFIX = "fsimage_";
  static final String TMP_SUFFIX = ".tmp";
  private static final Pattern NAME = Pattern.compile("fsimage_(\\d{19})");

  private ImageFormat() {}

  static String fileName(long txId) {
    return String.format("fsimage_%019d", txId);
  }

  /** The txid of a finished image file name, empty for anything else (including .tmp files). */
  static Optional<Long> parseTxId(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  static ByteBuffer header(long txId, long bodyLength) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
    b.put(MAGIC).putInt(VERSION).putLong(txId).putLong(bodyLength).flip();
    return b;
  }

  /**
   * Validates a header and returns its body length.
   *
   * @throws CorruptImageException on a bad magic, txid or length
   * @throws IncompatibleStorageException on an unknown version
   */
  static long checkHeader(ByteBuffer b, Path file, long expectedTxId, long fileSize)
      throws CorruptImageException, IncompatibleStorageException {
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        throw new CorruptImageException("Checkpoint " + file + " has no QIMG magic: damaged");
      }
    }
    int version = b.getInt(4);
    if (version != VERSION) {
      throw new IncompatibleStorageException("Checkpoint " + file + " has format version " + version
          + "; this NameNode reads only version " + VERSION);
    }
    long txId = b.getLong(8);
    if (txId != expectedTxId) {
      throw new CorruptImageException("Checkpoint " + file + " header says txid " + txId
          + " but its name says " + expectedTxId);
    }
    long bodyLength = b.getLong(16);
    if (bodyLength < 0 || HEADER_SIZE + bodyLength + TRAILER_SIZE != fileSize) {
      throw new CorruptImageException("Checkpoint " + file + " is " + fileSize
          + " bytes long but its header declares a body of " + bodyLength
          + " bytes: truncated or damaged");
    }
    return bodyLength;
  }
}
