package io.quire.datanode.storage;

import io.quire.protocol.types.Block;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects failed storage directories (volumes) and takes them out of service: a volume fails
 * its check when {@code current/}, {@code finalized/}, {@code rbw/} or {@code tmp/} is not a
 * readable, writable directory, or a probe file cannot be created and deleted in
 * {@code tmp/}. A failed volume's replicas are dropped from the replica map (writers stopped,
 * files left alone) and reported deleted to the NameNodes, which re-replicate them; no new
 * replica is placed on it; heartbeats count it in {@code failedVolumes}. The DataNode keeps
 * serving from its healthy volumes. A failed volume stays failed until the DataNode restarts.
 */
public final class VolumeHealth {
  private static final Logger LOG = LoggerFactory.getLogger(VolumeHealth.class);
  static final String PROBE_NAME = ".volume-check";

  private final FsDataset dataset;
  private final Set<StorageDirectory> failed = ConcurrentHashMap.newKeySet();

  VolumeHealth(FsDataset dataset) {
    this.dataset = dataset;
  }

  /** Checks every volume still in service; returns those found failed now. */
  public List<StorageDirectory> checkAll() {
    List<StorageDirectory> now = new ArrayList<>();
    for (StorageDirectory sd : dataset.getStorage().getDirs()) {
      if (failed.contains(sd)) {
        continue;
      }
      String problem = problemOf(sd);
      if (problem != null) {
        fail(sd, problem);
        now.add(sd);
      }
    }
    return now;
  }

  public boolean isFailed(StorageDirectory sd) { return failed.contains(sd); }

  public int getFailedCount() { return failed.size(); }

  static String problemOf(StorageDirectory sd) {
    for (File d : new File[] {sd.getCurrentDir(), sd.getFinalizedDir(), sd.getRbwDir(),
        sd.getTmpDir()}) {
      if (!d.isDirectory() || !d.canRead() || !d.canWrite() || !d.canExecute()) {
        return d + " is not a readable and writable directory";
      }
    }
    File probe = new File(sd.getTmpDir(), PROBE_NAME);
    try {
      Files.deleteIfExists(probe.toPath());
      Files.createFile(probe.toPath());
      Files.delete(probe.toPath());
      return null;
    } catch (IOException e) {
      return "cannot create and delete " + probe + ": " + e;
    }
  }

  /** Takes {@code sd} out of service and reports its replicas deleted. */
  private void fail(StorageDirectory sd, String problem) {
    LOG.error("Volume {} failed: {}; its replicas are dropped and reported deleted", sd,
        problem);
    failed.add(sd);
    List<Replica> lost = new ArrayList<>();
    for (Replica r : dataset.replicas()) {
      if (r.getDir().equals(sd)) {
        FsDataset.stopWriter(r);
        lost.add(r);
      }
    }
    List<Block> dropped = new ArrayList<>();
    synchronized (dataset) {
      for (Replica r : lost) {
        if (dataset.map().remove(r)) {
          dropped.add(r.toBlock());
        }
      }
    }
    for (Block b : dropped) {
      dataset.fireDeleted(b);
    }
  }
}
