package io.quire.datanode.scanner;

import io.quire.datanode.storage.BlockMetaFile;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.storage.ReplicaFiles;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.util.DataChecksum;

/**
 * Re-verifies a finalized replica's block file against the CRC32C chunks of its meta file
 * ({@link BlockMetaFile}): header, lengths (block file at least the replica's length, meta file
 * holding a CRC for every chunk), then every chunk, in bulk with
 * {@link DataChecksum#verifyChunkedSums}. Reads go through two buffers allocated once per
 * verifier, so a scan allocates nothing per chunk. A file missing at open is GONE (left to the
 * directory scanner); a read error is CORRUPT, unless the thread was interrupted (the scanner
 * is stopping), which throws InterruptedException. Not thread-safe (one per scanning thread).
 */
public final class ReplicaVerifier {
  /** Chunks checked per read: 128 x 512 bytes = 64 KiB of block data. */
  static final int CHUNKS_PER_READ = 128;

  private final ByteBuffer data =
      ByteBuffer.allocate(CHUNKS_PER_READ * BlockMetaFile.BYTES_PER_CHECKSUM);
  private final ByteBuffer sums =
      ByteBuffer.allocate(CHUNKS_PER_READ * BlockMetaFile.CHECKSUM_SIZE);
  private final DataChecksum checksum = BlockMetaFile.newChecksum();

  /** Something consulted before each read (the scanner's throttle); may be interrupted. */
  public interface ReadGate {
    ReadGate NONE = bytes -> { };

    void beforeRead(long bytes) throws InterruptedException;
  }

  /**
   * Verifies {@code r}'s files up to its length on disk.
   *
   * @throws InterruptedException when {@code gate} was interrupted (scanner stopping)
   */
  public VerifyResult verify(Replica r, ReadGate gate) throws InterruptedException {
    File blockFile = r.getBlockFile();
    File metaFile = r.getMetaFile();
    long length = r.getBytesOnDisk();
    long pos = 0;
    try (FileChannel b = FileChannel.open(blockFile.toPath(), StandardOpenOption.READ);
         FileChannel m = FileChannel.open(metaFile.toPath(), StandardOpenOption.READ)) {
      try {
        BlockMetaFile.checkHeader(m, metaFile);
      } catch (IOException e) {
        return VerifyResult.corrupt(0, metaFile, -1, e.getMessage());
      }
      if (b.size() < length) {
        return VerifyResult.corrupt(0, blockFile, -1, "block file has " + b.size()
            + " bytes, replica length is " + length);
      }
      if (m.size() < BlockMetaFile.metaLengthFor(length)) {
        return VerifyResult.corrupt(0, metaFile, -1, "meta file has " + m.size()
            + " bytes, " + BlockMetaFile.metaLengthFor(length) + " needed for " + length
            + " block bytes");
      }
      while (pos < length) {
        int n = (int) Math.min(data.capacity(), length - pos);
        gate.beforeRead(n);
        data.clear().limit(n);
        ReplicaFiles.readFully(b, data, pos, blockFile);
        data.flip();
        int chunks = (n + BlockMetaFile.BYTES_PER_CHECKSUM - 1) / BlockMetaFile.BYTES_PER_CHECKSUM;
        sums.clear().limit(chunks * BlockMetaFile.CHECKSUM_SIZE);
        ReplicaFiles.readFully(m, sums, BlockMetaFile.checksumPosition(pos), metaFile);
        sums.flip();
        try {
          checksum.verifyChunkedSums(data, sums, blockFile.getPath(), pos);
        } catch (ChecksumException e) {
          return VerifyResult.corrupt(pos, blockFile, e.getPos(), "CRC32C mismatch");
        }
        pos += n;
      }
      return VerifyResult.ok(pos);
    } catch (ClosedByInterruptException e) {
      throw stopped(r);
    } catch (NoSuchFileException e) {
      return VerifyResult.gone(pos, "file vanished: " + e.getMessage());
    } catch (EOFException e) {
      return VerifyResult.corrupt(pos, blockFile, pos, "file shrank while verified: "
          + e.getMessage());
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw stopped(r);
      }
      return VerifyResult.corrupt(pos, blockFile, pos, "read error: " + e);
    }
  }

  /** An interrupted read says nothing about the replica: the scanner is stopping. */
  private static InterruptedException stopped(Replica r) {
    return new InterruptedException("verify " + r + ": interrupted");
  }
}
