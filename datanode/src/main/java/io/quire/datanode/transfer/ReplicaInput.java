package io.quire.datanode.transfer;

import io.quire.datanode.storage.BlockMetaFile;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.storage.ReplicaFiles;
import io.quire.protocol.exceptions.ReplicaNotFoundException;
import io.quire.protocol.net.TimedSocketOutput;
import io.quire.protocol.types.Block;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

/**
 * Read access to one replica's block and meta files, opened once (a later rename by
 * finalization or recovery does not disturb the open channels). The visible length is fixed
 * when opened.
 */
final class ReplicaInput implements Closeable {
  private final Replica replica;
  private final long visibleLength;
  private final File blockFile;
  private final File metaFile;
  private final FileChannel blockCh;
  private final FileChannel metaCh;

  private ReplicaInput(Replica r, long visible, File bf, File mf, FileChannel b, FileChannel m) {
    this.replica = r;
    this.visibleLength = visible;
    this.blockFile = bf;
    this.metaFile = mf;
    this.blockCh = b;
    this.metaCh = m;
  }

  /**
   * Opens the replica of {@code b} for {@code op}: it must exist with a generation stamp not
   * older than {@code b}'s (a replica re-stamped by pipeline recovery serves older readers).
   */
  static ReplicaInput open(FsDataset ds, Block b, String op) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Replica r = ds.getReplica(b.getBlockId());
      if (r == null || r.getGenerationStamp() < b.getGenerationStamp()) {
        throw new ReplicaNotFoundException(op + " " + b.getName() + ": no such replica on this"
            + " DataNode" + (r == null ? "" : " (have " + r + ")"));
      }
      long visible = r.getVisibleLength();
      File bf = r.getBlockFile();
      File mf = r.getMetaFile();
      FileChannel bc = null;
      try {
        bc = FileChannel.open(bf.toPath(), StandardOpenOption.READ);
        FileChannel mc = FileChannel.open(mf.toPath(), StandardOpenOption.READ);
        return new ReplicaInput(r, visible, bf, mf, bc, mc);
      } catch (NoSuchFileException e) {
        if (bc != null) {
          bc.close();
        }
        if (attempt >= 3) {
          throw new ReplicaNotFoundException(op + " " + b.getName() + ": replica files moved"
              + " away while opening: " + e.getMessage());
        }
      }
    }
  }

  Replica getReplica() { return replica; }
  long getVisibleLength() { return visibleLength; }

  /** Reads block bytes [pos, pos+len) into {@code dst} at {@code off}. */
  void readData(long pos, byte[] dst, int off, int len) throws IOException {
    ReplicaFiles.readFully(blockCh, ByteBuffer.wrap(dst, off, len), pos, blockFile);
  }

  /**
   * Sends block bytes [pos, pos+len) to {@code target} without copying them through the heap,
   * within the stream's write timeout.
   */
  void transferData(long pos, int len, TimedSocketOutput target) throws IOException {
    target.transferFrom(blockCh, pos, len);
  }

  /** Reads the stored CRCs of the chunks covering [pos, pos+len), pos chunk-aligned. */
  void readChecksums(long pos, int len, byte[] dst, int off) throws IOException {
    int n = 4 * ((len + BlockMetaFile.BYTES_PER_CHECKSUM - 1) / BlockMetaFile.BYTES_PER_CHECKSUM);
    ReplicaFiles.readFully(metaCh, ByteBuffer.wrap(dst, off, n),
        BlockMetaFile.checksumPosition(pos), metaFile);
  }

  /** CRC32C of block bytes [pos, pos+len), computed from the data. */
  int computeCrc(long pos, int len) throws IOException {
    return ReplicaFiles.crcOf(blockCh, pos, len, blockFile);
  }

  @Override public void close() throws IOException {
    try {
      blockCh.close();
    } finally {
      metaCh.close();
    }
  }
}
