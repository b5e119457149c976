package io.quire.datanode.storage;

import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a replica's files between {@code rbw/} and {@code finalized/subdirXX/} and renames the
 * meta file to a new generation stamp; the directories involved are fsynced, so the move is
 * durable when it returns. The meta file moves first: after a crash between the two renames the
 * block file sits alone in the old directory and {@link ReplicaScanner} finishes the move to the
 * meta file's directory. Callers hold the {@link FsDataset} lock.
 */
final class ReplicaMover {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaMover.class);

  private ReplicaMover() {}

  /** Renames block and meta file to the directory of {@code state} and stamp {@code gs}. */
  static void move(Replica r, ReplicaState state, long gs) throws IOException {
    File oldBlk = r.getBlockFile();
    File oldMeta = r.getMetaFile();
    File dir = r.stateDir(state);
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("move " + r + ": cannot create " + dir);
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
    StorageDirectory.fsyncDirectory(dir);
    if (!dir.equals(oldBlk.getParentFile())) {
      StorageDirectory.fsyncDirectory(oldBlk.getParentFile());
    }
  }

  static void removeFiles(Replica r) {
    for (File f : new File[] {r.getBlockFile(), r.getMetaFile()}) {
      if (f.exists() && !f.delete()) {
        LOG.warn("Delete {}: cannot delete {}", r, f);
      }
    }
  }
}
