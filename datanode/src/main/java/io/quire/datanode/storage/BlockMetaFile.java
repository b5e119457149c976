package io.quire.datanode.storage;

import io.quire.protocol.QuireConfigKeys;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.util.DataChecksum;

/**
 * The checksum sidecar {@code blk_<id>_<genstamp>.meta} of a block file.
 *
 * <pre>
 * short version            = {@link #VERSION} (1)
 * byte  checksumType       = DataChecksum.Type.CRC32C.id (2)
 * int   bytesPerChecksum   = 512
 * int[] crc                CRC32C (big-endian) of each 512-byte chunk of the block file,
 *                          the last one over the final partial chunk if any
 * </pre>
 *
 * The header is {@link #HEADER_SIZE} bytes; the CRC of chunk {@code i} is at
 * {@code HEADER_SIZE + 4 * i}. A meta file therefore holds
 * {@code 4 * ceil(blockLength / 512)} checksum bytes.
 */
public final class BlockMetaFile {
  public static final short VERSION = 1;
  public static final int HEADER_SIZE = 2 + 1 + 4;
  public static final int BYTES_PER_CHECKSUM = QuireConfigKeys.BYTES_PER_CHECKSUM;
  public static final int CHECKSUM_SIZE = 4;

  private BlockMetaFile() {}

  /** A fresh CRC32C / 512 DataChecksum (not thread-safe; one per user). */
  public static DataChecksum newChecksum() {
    return DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, BYTES_PER_CHECKSUM);
  }

  /** The header bytes. */
  public static ByteBuffer header() {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
    b.putShort(VERSION);
    b.put((byte) DataChecksum.Type.CRC32C.id);
    b.putInt(BYTES_PER_CHECKSUM);
    b.flip();
    return b;
  }

  /** Creates {@code file} with just the header (the caller syncs it with the data). */
  public static void create(File file) throws IOException {
    try (FileChannel ch = FileChannel.open(file.toPath(), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      ch.write(header(), 0);
    }
  }

  /** Reads and checks the header; fails naming the file on another version or type. */
  public static void checkHeader(FileChannel ch, File file) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
    while (b.hasRemaining()) {
      if (ch.read(b, b.position()) < 0) {
        throw new IOException("read meta header " + file + ": file shorter than header");
      }
    }
    b.flip();
    short v = b.getShort();
    int type = b.get();
    int bpc = b.getInt();
    if (v != VERSION || type != DataChecksum.Type.CRC32C.id || bpc != BYTES_PER_CHECKSUM) {
      throw new IOException("read meta header " + file + ": version " + v + ", type " + type
          + ", bytesPerChecksum " + bpc + " not supported");
    }
  }

  /** Position in the meta file of the CRC of the chunk that contains block offset {@code off}. */
  public static long checksumPosition(long off) {
    return HEADER_SIZE + (long) CHECKSUM_SIZE * (off / BYTES_PER_CHECKSUM);
  }

  /** Meta file length for a block of {@code blockLength} bytes. */
  public static long metaLengthFor(long blockLength) {
    return HEADER_SIZE + CHECKSUM_SIZE * ((blockLength + BYTES_PER_CHECKSUM - 1)
        / BYTES_PER_CHECKSUM);
  }

  /** Name of the meta file for block {@code id} at generation stamp {@code gs}. */
  public static String name(long id, long gs) {
    return "blk_" + id + "_" + gs + ".meta";
  }
}
