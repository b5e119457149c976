package io.quire.datanode.storage;

import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage figures for heartbeats: capacity and remaining of the distinct volumes holding the
 * storage directories (two directories on one disk count once), used = the bytes of block and
 * meta files.
 */
final class StorageUsage {
  private static final Logger LOG = LoggerFactory.getLogger(StorageUsage.class);

  private StorageUsage() {}

  static StorageReport report(List<StorageDirectory> dirs, List<Replica> replicas,
      int activeTransfers, int failedVolumes) {
    long capacity = 0;
    long remaining = 0;
    Set<FileStore> seen = new HashSet<>();
    for (StorageDirectory sd : dirs) {
      try {
        if (!seen.add(Files.getFileStore(sd.getRoot().toPath()))) {
          continue;
        }
      } catch (IOException e) {
        LOG.warn("storage report: cannot stat volume of {}: {}", sd, e.getMessage());
      }
      capacity += sd.getCapacity();
      remaining += sd.getRemaining();
    }
    long used = 0;
    for (Replica r : replicas) {
      used += r.getBytesOnDisk() + BlockMetaFile.metaLengthFor(r.getBytesOnDisk());
    }
    return new StorageReport(capacity, used, remaining, activeTransfers, failedVolumes);
  }
}
