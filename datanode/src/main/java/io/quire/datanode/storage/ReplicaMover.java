package io.quire.datanode.storage;

import io.quire.protocol.storage.AtomicFiles;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a replica's files between {@code rbw/} and {@code finalized/subdirXX/} and renames the
 * meta file to a new generation stamp. The move is two steps so that only the cheap one runs
 * under the {@link FsDataset} lock:
 * <ol>
 * <li>{@link #rename} (caller holds the lock): both renames and the replica's new state and
 *     stamp, atomically for everyone who looks under the lock (directory scanner repairs,
 *     deletion, recovery); a replica's paths follow from its state, so files and state must
 *     change together. Not durable yet.
 * <li>{@link #syncDirectories} (no lock needed): fsyncs the directories the rename touched;
 *     when it returns the move is durable. Only fsyncs, so running it after the lock is
 *     released is harmless even if the replica changes again meanwhile.
 * </ol>
 * The meta file moves first: after a crash between the two renames (or before a move that was
 * never synced reached the disk) the block file sits alone in the old directory and
 * {@link ReplicaLoader} finishes the move to the meta file's directory at start.
 */
final class ReplicaMover {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaMover.class);

  /** The directories a {@link #rename} changed: {@code to} gained entries, {@code from} lost. */
  record Renamed(StorageDirectory sd, File to, File from) {}

  private ReplicaMover() {}

  /**
   * Renames block and meta file to the directory of {@code state} and stamp {@code gs} and
   * updates the replica; the caller holds the {@link FsDataset} lock. Not durable: see
   * {@link #syncDirectories}.
   */
  static Renamed rename(Replica r, ReplicaState state, long gs) throws IOException {
    File oldBlk = r.getBlockFile();
    File oldMeta = r.getMetaFile();
    File dir = r.stateDir(state);
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("move " + r + " to " + state + ": cannot create " + dir);
    }
    File newBlk = new File(dir, oldBlk.getName());
    File newMeta = new File(dir, BlockMetaFile.name(r.getBlockId(), gs));
    if (!oldMeta.equals(newMeta)) {
      Files.move(oldMeta.toPath(), newMeta.toPath());
    }
    if (!oldBlk.equals(newBlk)) {
      Files.move(oldBlk.toPath(), newBlk.toPath());
    }
    r.setGenerationStamp(gs);
    r.setState(state);
    return new Renamed(r.getDir(), dir, oldBlk.getParentFile());
  }

  /**
   * Makes a {@link #rename} durable: fsyncs the target directory (and, the first time this
   * process uses a finalized subdirectory, its entry in {@code finalized/}), then the source
   * directory. When this returns the files are in their new place after a crash.
   */
  static void syncDirectories(Renamed m) throws IOException {
    AtomicFiles.syncDirectory(m.to().toPath());
    m.sd().syncFinalizedSubdirEntry(m.to());
    if (!m.to().equals(m.from())) {
      AtomicFiles.syncDirectory(m.from().toPath());
    }
  }

  /** {@link #rename} and {@link #syncDirectories} in one (the caller holds the lock). */
  static void moveDurably(Replica r, ReplicaState state, long gs) throws IOException {
    syncDirectories(rename(r, state, gs));
  }

  /**
   * Creates the empty block file and header-only meta file of a new replica, replacing files
   * of those names that belong to no replica. Not durable: the entries reach the disk with a
   * later directory fsync (the replica's first hsync, {@link FsDataset#syncReplicaDirectory},
   * or a durable finalization, which syncs the directory they end up in).
   */
  static void createEmptyFiles(Replica r) throws IOException {
    File blk = r.getBlockFile();
    Files.deleteIfExists(blk.toPath());
    Files.deleteIfExists(r.getMetaFile().toPath());
    Files.createFile(blk.toPath());
    BlockMetaFile.create(r.getMetaFile());
  }

  static void removeFiles(Replica r) {
    for (File f : new File[] {r.getBlockFile(), r.getMetaFile()}) {
      if (f.exists() && !f.delete()) {
        LOG.warn("Delete {}: cannot delete {}", r, f);
      }
    }
  }
}
