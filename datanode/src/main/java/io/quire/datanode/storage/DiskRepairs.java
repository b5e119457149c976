package io.quire.datanode.storage;

import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to the replica map that the directory scanner decides on after comparing it with the
 * disk. Each re-checks its premise under the {@link FsDataset} lock, since a replica may have
 * been written, moved or deleted between the scanner's listing and the repair; a premise that
 * no longer holds makes the repair a no-op.
 */
public final class DiskRepairs {
  private static final Logger LOG = LoggerFactory.getLogger(DiskRepairs.class);

  private final FsDataset dataset;

  public DiskRepairs(FsDataset dataset) {
    this.dataset = dataset;
  }

  /**
   * Removes {@code r} from the map when it is still the block's replica and its block file is
   * gone; deletes its meta file and tells listeners (NameNodes) the replica was deleted.
   */
  public boolean removeIfBlockFileMissing(Replica r) {
    synchronized (dataset) {
      if (!dataset.isCurrent(r) || r.getState() != ReplicaState.FINALIZED
          || r.getBlockFile().exists()) {
        return false;
      }
      dataset.map().remove(r);
      ReplicaMover.removeFiles(r);
    }
    LOG.warn("Directory scan: block file {} of {} is missing; replica removed",
        r.getBlockFile(), r);
    dataset.fireDeleted(r.toBlock());
    return true;
  }

  /**
   * Adds a finalized replica found on disk but not in the map and reports it received. Returns
   * null when the block now has a replica in the map or the files went away.
   */
  public Replica addStray(StorageDirectory sd, long blockId, long gs, File blockFile,
      File metaFile) {
    Replica r;
    synchronized (dataset) {
      if (dataset.map().get(blockId) != null || !blockFile.isFile() || !metaFile.isFile()) {
        return null;
      }
      r = new Replica(blockId, gs, ReplicaState.FINALIZED, blockFile.length(), sd);
      if (!r.getBlockFile().equals(blockFile) || !r.getMetaFile().equals(metaFile)) {
        return null;
      }
      dataset.map().put(r);
    }
    LOG.warn("Directory scan: found {} on disk but not in the replica map; added", r);
    dataset.fireReceived(r);
    return r;
  }

  /**
   * Deletes {@code files} of block {@code blockId} that belong to no replica: none may be a
   * file of the block's replica in the map. Returns the files deleted.
   */
  public List<File> deleteJunk(long blockId, List<File> files) throws IOException {
    List<File> gone = new ArrayList<>();
    synchronized (dataset) {
      Replica r = dataset.map().get(blockId);
      for (File f : files) {
        if (r != null && (f.equals(r.getBlockFile()) || f.equals(r.getMetaFile()))) {
          continue;
        }
        if (Files.deleteIfExists(f.toPath())) {
          gone.add(f);
        }
      }
    }
    if (!gone.isEmpty()) {
      LOG.warn("Directory scan: deleted files of blk_{} that belong to no replica: {}",
          blockId, gone);
    }
    return gone;
  }
}
