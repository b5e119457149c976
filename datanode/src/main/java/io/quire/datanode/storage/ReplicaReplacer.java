package io.quire.datanode.storage;

import io.quire.protocol.storage.AtomicFiles;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Swaps a received temporary copy ({@code tmp/blk_ID}, {@code tmp/blk_ID_GS.meta}) in for the
 * finalized replica of the same block in the same storage directory. The meta file is renamed
 * over first, then the block file, each an atomic rename that replaces the old file; an old
 * meta file of another generation stamp is deleted last, and the directories are fsynced, so
 * the replacement is durable when this returns. A crash between the two renames leaves the new
 * meta file beside the old (corrupt or stale) block file: the block scanner then finds the
 * mismatch and the replica is reported corrupt again, never silently served. Callers hold the
 * {@link FsDataset} lock.
 */
final class ReplicaReplacer {
  private ReplicaReplacer() {}

  /** Makes {@code tmp} the FINALIZED replica in place of {@code old} (null if it is gone). */
  static void replace(Replica tmp, Replica old) throws IOException {
    File tmpBlk = tmp.getBlockFile();
    File tmpMeta = tmp.getMetaFile();
    File dir = tmp.stateDir(ReplicaState.FINALIZED);
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("replace " + old + " by " + tmp + ": cannot create " + dir);
    }
    File newBlk = new File(dir, tmpBlk.getName());
    File newMeta = new File(dir, tmpMeta.getName());
    Files.move(tmpMeta.toPath(), newMeta.toPath(), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmpBlk.toPath(), newBlk.toPath(), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    tmp.setTemporary(false);
    tmp.setState(ReplicaState.FINALIZED);
    AtomicFiles.syncDirectory(dir.toPath());
    AtomicFiles.syncDirectory(tmpBlk.getParentFile().toPath());
    if (old != null) {
      for (File f : new File[] {old.getBlockFile(), old.getMetaFile()}) {
        if (!f.equals(newBlk) && !f.equals(newMeta)) {
          Files.deleteIfExists(f.toPath());
          AtomicFiles.syncDirectory(f.getParentFile().toPath());
        }
      }
    }
  }
}
