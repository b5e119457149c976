package io.quire.datanode.storage;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.util.DataChecksum;

/** File-level operations on a block file and its meta file (truncation, CRC recomputation). */
public final class ReplicaFiles {
  private ReplicaFiles() {}

  /** Reads exactly {@code buf.remaining()} bytes at {@code pos} or fails naming {@code file}. */
  public static void readFully(FileChannel ch, ByteBuffer buf, long pos, File file)
      throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new EOFException("read " + file + ": end of file at " + pos);
      }
      pos += n;
    }
  }

  /** Writes all of {@code buf} at {@code pos}. */
  public static void writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
  }

  /** CRC32C of {@code len} bytes of {@code blockCh} at {@code pos}. */
  public static int crcOf(FileChannel blockCh, long pos, int len, File file) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len);
    readFully(blockCh, b, pos, file);
    DataChecksum sum = BlockMetaFile.newChecksum();
    sum.update(b.array(), 0, len);
    return (int) sum.getValue();
  }

  /**
   * Cuts the block file to {@code newLength} and its meta file to the matching number of
   * CRCs, recomputing the CRC of a final partial chunk. When this returns both files are
   * forced to disk.
   */
  public static void truncateAndSync(File blockFile, File metaFile, long newLength)
      throws IOException {
    try (FileChannel b = FileChannel.open(blockFile.toPath(), StandardOpenOption.READ,
             StandardOpenOption.WRITE);
         FileChannel m = FileChannel.open(metaFile.toPath(), StandardOpenOption.READ,
             StandardOpenOption.WRITE)) {
      if (b.size() < newLength) {
        throw new IOException("truncate " + blockFile + " to " + newLength + ": only "
            + b.size() + " bytes on disk");
      }
      b.truncate(newLength);
      m.truncate(BlockMetaFile.metaLengthFor(newLength));
      int partial = (int) (newLength % BlockMetaFile.BYTES_PER_CHECKSUM);
      if (partial != 0) {
        long chunkStart = newLength - partial;
        int crc = crcOf(b, chunkStart, partial, blockFile);
        ByteBuffer c = ByteBuffer.allocate(4).putInt(crc);
        c.flip();
        writeFully(m, c, BlockMetaFile.checksumPosition(chunkStart));
      }
      b.force(true);
      m.force(true);
    }
  }

  /**
   * Length of the longest prefix of an unfinished replica whose chunks have a CRC in the meta
   * file and whose last chunk verifies against it (used for RBW replicas found at start).
   */
  public static long verifiedLength(File blockFile, File metaFile) throws IOException {
    try (FileChannel b = FileChannel.open(blockFile.toPath(), StandardOpenOption.READ);
         FileChannel m = FileChannel.open(metaFile.toPath(), StandardOpenOption.READ)) {
      BlockMetaFile.checkHeader(m, metaFile);
      long chunks = Math.max(0, (m.size() - BlockMetaFile.HEADER_SIZE)
          / BlockMetaFile.CHECKSUM_SIZE);
      long len = Math.min(b.size(), chunks * BlockMetaFile.BYTES_PER_CHECKSUM);
      while (len > 0) {
        long chunkStart = (len - 1) / BlockMetaFile.BYTES_PER_CHECKSUM
            * BlockMetaFile.BYTES_PER_CHECKSUM;
        int actual = crcOf(b, chunkStart, (int) (len - chunkStart), blockFile);
        ByteBuffer stored = ByteBuffer.allocate(4);
        readFully(m, stored, BlockMetaFile.checksumPosition(chunkStart), metaFile);
        if (stored.getInt(0) == actual) {
          break;
        }
        len = chunkStart;
      }
      return len;
    }
  }
}
