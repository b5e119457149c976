package io.quire.datanode.transfer;

import io.quire.datanode.storage.BlockMetaFile;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.storage.ReplicaFiles;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.util.DataChecksum;

/**
 * Writes verified packet data and checksums into a replica's block and meta files. A packet
 * may start before the end of the data on disk (the writer re-sends a partial chunk): the
 * replica is cut back to the packet's offset first (see {@link #rewindTo}). A packet
 * starting on a chunk boundary carries exactly the on-disk CRCs; one starting mid-chunk (after
 * append or recovery to a partial chunk) has the CRCs of that chunk and all following chunks
 * recomputed against the on-disk chunk boundaries. With a sync-behind interval, the files are
 * forced in the background as they grow ({@link SyncBehind}), so that {@link #sync} has only
 * the tail left to force.
 */
final class ReplicaOutput implements Closeable {
  private static final int BPC = BlockMetaFile.BYTES_PER_CHECKSUM;

  private final Replica replica;
  private final File blockFile;
  private final FileChannel blockCh;
  private final FileChannel metaCh;
  private final DataChecksum checksum = BlockMetaFile.newChecksum();
  private final SyncBehind syncBehind;

  ReplicaOutput(Replica replica) throws IOException {
    this(replica, 0);
  }

  /**
   * @param syncBehindBytes bytes written between background forces (see {@link SyncBehind});
   *     0: none
   */
  ReplicaOutput(Replica replica, long syncBehindBytes) throws IOException {
    this.replica = replica;
    this.blockFile = replica.getBlockFile();
    this.blockCh = FileChannel.open(blockFile.toPath(), StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileChannel m;
    try {
      m = FileChannel.open(replica.getMetaFile().toPath(), StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      blockCh.close();
      throw e;
    }
    this.metaCh = m;
    this.syncBehind = new SyncBehind(blockCh, metaCh, blockFile, syncBehindBytes);
  }

  /** Writes {@code data} (with packet-relative {@code sums}) at block offset {@code off}. */
  void write(long off, ByteBuffer data, ByteBuffer sums) throws IOException {
    int len = data.remaining();
    int intoChunk = (int) (off % BPC);
    if (intoChunk == 0) {
      ReplicaFiles.writeFully(blockCh, data, off);
      ReplicaFiles.writeFully(metaCh, sums, BlockMetaFile.checksumPosition(off));
    } else {
      long chunkStart = off - intoChunk;
      byte[] joined = new byte[intoChunk + len];
      ReplicaFiles.readFully(blockCh, ByteBuffer.wrap(joined, 0, intoChunk), chunkStart,
          blockFile);
      data.duplicate().get(joined, intoChunk, len);
      byte[] crcs = new byte[4 * ((joined.length + BPC - 1) / BPC)];
      checksum.calculateChunkedSums(joined, 0, joined.length, crcs, 0);
      ReplicaFiles.writeFully(blockCh, data, off);
      ReplicaFiles.writeFully(metaCh, ByteBuffer.wrap(crcs),
          BlockMetaFile.checksumPosition(chunkStart));
    }
    replica.setBytesOnDisk(off + len);
    syncBehind.written(off + len);
  }

  /**
   * Cuts the replica back to {@code off} bytes before a writer re-sends data from there (a
   * client that resumes a partial chunk from its start); the next {@link #write} recomputes the
   * CRC of the chunk it continues.
   */
  void rewindTo(long off) throws IOException {
    syncBehind.await();
    blockCh.truncate(off);
    metaCh.truncate(BlockMetaFile.metaLengthFor(off));
    replica.setBytesOnDisk(off);
  }

  /** Forces block and meta file contents to disk; when this returns the data is durable. */
  void sync() throws IOException {
    syncBehind.await();
    blockCh.force(false);
    metaCh.force(false);
  }

  @Override public void close() throws IOException {
    syncBehind.close();
    try {
      blockCh.close();
    } finally {
      metaCh.close();
    }
  }
}
