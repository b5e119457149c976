package io.quire.datanode.storage;

import io.quire.protocol.exceptions.ReplicaNotFoundException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.util.DataChecksum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy on truncate on a DataNode (HDFS's copyReplicaWithNewBlockIdAndGS then truncateBlock):
 * a new FINALIZED replica of another block id holding the first {@code newLength} bytes of an
 * existing replica, which stays as it is (a snapshot still reads it). The block file is copied
 * up to {@code newLength}; the meta file gets the header, the CRCs of the whole chunks copied
 * as they are, and for a final partial chunk a CRC recomputed over the kept bytes, after the
 * original chunk verified against its stored CRC (a corrupt chunk is refused, not re-blessed).
 *
 * <p>Crash safety: the copy is written under {@code tmp/} of the old replica's storage
 * directory (emptied at start) and forced to disk, then moved to {@code finalized/} meta file
 * first ({@link ReplicaMover}), and the directories are fsynced before the replica is reported.
 * A crash before the moves leaves nothing; between them, a meta file without block file, which
 * the start-up scan ignores; no partial copy is ever loaded or reported as finalized. At most
 * one copy per new block id runs at a time.
 */
final class TruncateCopies {
  private static final Logger LOG = LoggerFactory.getLogger(TruncateCopies.class);

  private final FsDataset dataset;
  /** New block ids being copied (guarded by the dataset lock). */
  private final Set<Long> inProgress = new HashSet<>();

  TruncateCopies(FsDataset dataset) {
    this.dataset = dataset;
  }

  /** See {@link FsDataset#copyForTruncate}. */
  ReportedBlock copy(Block b, long newGs, long newLength, long newBlockId) throws IOException {
    String op = "copy " + b.getName() + " to blk_" + newBlockId + "_" + newGs + " (" + newLength
        + " bytes)";
    Replica dst;
    FileChannel srcBlock = null;
    FileChannel srcMeta = null;
    File srcFile;
    synchronized (dataset) {
      Replica done = dataset.map().get(newBlockId);
      if (done != null) {
        return existingCopy(done, newGs, newLength, op);
      }
      Replica src = dataset.map().get(b.getBlockId());
      if (src == null || src.getGenerationStamp() < b.getGenerationStamp()) {
        throw new ReplicaNotFoundException(op + ": no such replica"
            + (src == null ? "" : " (have " + src + ")"));
      }
      if (src.getBytesOnDisk() < newLength) {
        throw new IOException(op + ": the replica has only " + src.getBytesOnDisk() + " bytes ("
            + src + ")");
      }
      if (!inProgress.add(newBlockId)) {
        throw new ReplicaAlreadyExistsException(op + ": a copy to this block is in progress");
      }
      dst = new Replica(newBlockId, newGs, ReplicaState.RBW, 0, src.getDir());
      dst.setTemporary(true);
      srcFile = src.getBlockFile();
      try {
        // Opened under the lock: a later move or deletion of the replica leaves these intact.
        srcBlock = FileChannel.open(src.getBlockFile().toPath(), StandardOpenOption.READ);
        srcMeta = FileChannel.open(src.getMetaFile().toPath(), StandardOpenOption.READ);
      } catch (IOException e) {
        closeQuietly(srcBlock);
        inProgress.remove(newBlockId);
        throw new IOException(op + ": " + e.getMessage(), e);
      }
    }
    try {
      try (FileChannel sb = srcBlock; FileChannel sm = srcMeta) {
        writeCopy(sb, sm, srcFile, dst, newLength, op);
      }
      ReplicaMover.Renamed moved;
      synchronized (dataset) {
        if (dataset.map().get(newBlockId) != null) {
          throw new ReplicaAlreadyExistsException(op + ": a replica of blk_" + newBlockId
              + " appeared meanwhile: " + dataset.map().get(newBlockId));
        }
        removeStrays(dst);
        moved = ReplicaMover.rename(dst, ReplicaState.FINALIZED, newGs);
        dst.setTemporary(false);
        dst.setBytesOnDisk(newLength);
        dst.resetAckedLength(newLength);
        dataset.map().put(dst);
      }
      ReplicaMover.syncDirectories(moved);
    } catch (IOException | RuntimeException e) {
      if (dst.isTemporary()) {
        ReplicaMover.removeFiles(dst);
      }
      throw e;
    } finally {
      synchronized (dataset) {
        inProgress.remove(newBlockId);
      }
    }
    LOG.info("Copied {} bytes of {} to {}", newLength, b.getName(), dst);
    dataset.fireReceived(dst);
    return dst.toReported();
  }

  /**
   * The new block id already has a replica here: the same copy done before (a repeated
   * recovery) is answered as it is; a copy of an earlier attempt with an older stamp is
   * re-stamped as an in-place recovery would; anything else is refused.
   */
  private ReportedBlock existingCopy(Replica r, long newGs, long newLength, String op)
      throws IOException {
    if (r.getGenerationStamp() == newGs && r.getState() == ReplicaState.FINALIZED
        && r.getBytesOnDisk() == newLength) {
      return r.toReported();
    }
    if (r.getGenerationStamp() < newGs && r.getWriter() == null
        && r.getBytesOnDisk() >= newLength) {
      Block at = new Block(r.getBlockId(), r.getGenerationStamp(), r.getBytesOnDisk());
      return dataset.updateRecovery(at, newGs, newLength);
    }
    throw new ReplicaAlreadyExistsException(op + ": this DataNode already holds " + r);
  }

  /**
   * Deletes files of the new block id in its finalized directory that belong to no replica
   * (the block id has none in the map): what a crash between the two moves of an earlier
   * attempt left.
   */
  private static void removeStrays(Replica dst) throws IOException {
    File dir = dst.stateDir(ReplicaState.FINALIZED);
    String prefix = "blk_" + dst.getBlockId();
    File[] strays = dir.listFiles((d, n) -> n.equals(prefix) || (n.startsWith(prefix + "_")
        && n.endsWith(".meta")));
    if (strays != null) {
      for (File f : strays) {
        LOG.warn("Copy to {}: deleting stray {}", dst, f);
        Files.deleteIfExists(f.toPath());
      }
    }
  }

  /** Writes the temporary block and meta files of {@code dst} and forces them to disk. */
  private static void writeCopy(FileChannel srcBlock, FileChannel srcMeta, File srcFile,
      Replica dst, long newLength, String op) throws IOException {
    File blk = dst.getBlockFile();
    File meta = dst.getMetaFile();
    File tmp = blk.getParentFile();
    if (!tmp.isDirectory() && !tmp.mkdirs()) {
      throw new IOException(op + ": cannot create " + tmp);
    }
    Files.deleteIfExists(blk.toPath());
    Files.deleteIfExists(meta.toPath());
    BlockMetaFile.checkHeader(srcMeta, srcFile);
    try (FileChannel db = FileChannel.open(blk.toPath(), StandardOpenOption.CREATE_NEW,
             StandardOpenOption.WRITE);
         FileChannel dm = FileChannel.open(meta.toPath(), StandardOpenOption.CREATE_NEW,
             StandardOpenOption.WRITE)) {
      long pos = 0;
      while (pos < newLength) {
        long n = srcBlock.transferTo(pos, newLength - pos, db);
        if (n <= 0) {
          throw new IOException(op + ": block file ended at " + pos);
        }
        pos += n;
      }
      int partial = (int) (newLength % BlockMetaFile.BYTES_PER_CHECKSUM);
      long wholeChunksEnd = newLength - partial;
      long crcBytes = BlockMetaFile.checksumPosition(wholeChunksEnd);
      ByteBuffer header = BlockMetaFile.header();
      ReplicaFiles.writeFully(dm, header, 0);
      long mpos = BlockMetaFile.HEADER_SIZE;
      dm.position(mpos); // transferTo writes at the target's position
      while (mpos < crcBytes) {
        long n = srcMeta.transferTo(mpos, crcBytes - mpos, dm);
        if (n <= 0) {
          throw new IOException(op + ": meta file ended at " + mpos);
        }
        mpos += n;
      }
      if (partial != 0) {
        ByteBuffer c = ByteBuffer.allocate(4).putInt(lastChunkCrc(srcBlock, srcMeta, srcFile,
            wholeChunksEnd, partial, op));
        c.flip();
        ReplicaFiles.writeFully(dm, c, crcBytes);
      }
      db.force(true);
      dm.force(true);
    }
  }

  /**
   * CRC of the first {@code partial} bytes of the chunk at {@code chunkStart}, once the whole
   * original chunk verified against its stored CRC.
   */
  private static int lastChunkCrc(FileChannel srcBlock, FileChannel srcMeta, File srcFile,
      long chunkStart, int partial, String op) throws IOException {
    int chunk = (int) Math.min(BlockMetaFile.BYTES_PER_CHECKSUM, srcBlock.size() - chunkStart);
    ByteBuffer data = ByteBuffer.allocate(chunk);
    ReplicaFiles.readFully(srcBlock, data, chunkStart, srcFile);
    ByteBuffer stored = ByteBuffer.allocate(BlockMetaFile.CHECKSUM_SIZE);
    ReplicaFiles.readFully(srcMeta, stored, BlockMetaFile.checksumPosition(chunkStart),
        srcFile);
    DataChecksum sum = BlockMetaFile.newChecksum();
    sum.update(data.array(), 0, chunk);
    if ((int) sum.getValue() != stored.getInt(0)) {
      throw new IOException(op + ": the replica's chunk at offset " + chunkStart
          + " does not match its checksum (corrupt replica); not copied");
    }
    sum.reset();
    sum.update(data.array(), 0, partial);
    return (int) sum.getValue();
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
    }
  }
}
