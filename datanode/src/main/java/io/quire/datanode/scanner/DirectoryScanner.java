package io.quire.datanode.scanner;

import io.quire.datanode.storage.BlockMetaFile;
import io.quire.datanode.storage.DiskRepairs;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.storage.StorageDirectory;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the replica map with the files under {@code finalized/} every
 * {@code quire.datanode.directoryscan.interval.ms} (HDFS's DirectoryScanner). Replicas being
 * written ({@code rbw/}, {@code tmp/}) are left alone. Each round first checks the volumes
 * ({@link io.quire.datanode.storage.VolumeHealth}); a failed one's replicas are reported deleted
 * and its files are not scanned. The rules:
 * <ul>
 * <li>A FINALIZED replica whose block file is missing is removed from the map and reported
 *     deleted to every NameNode (incremental report), which re-replicates the block.
 * <li>A FINALIZED replica whose meta file is missing, whose block file length differs from the
 *     replica's length, or whose meta file length does not match that length is reported
 *     corrupt ({@link CorruptReplicaReporter}): a finalized length is what the NameNode knows,
 *     so any other length is damage; the NameNode replaces the replica from a good copy.
 * <li>Block files of an id the map does not hold (strays) are added as FINALIZED replicas and
 *     reported received when consistent: exactly one block file, in the subdirectory its id
 *     maps to, beside a meta file with a valid header whose length matches the block length
 *     (the meta file of the highest generation stamp; the others are deleted). Their CRCs are
 *     verified later by the block scanner. Anything else of such an id (a block file without a
 *     meta file or with a mismatching one, orphan meta files, copies in the wrong subdirectory)
 *     cannot be served and is deleted. A meta file that cannot even be opened is left for the
 *     next scan: an I/O error is no proof of junk.
 * <li>Beside a FINALIZED replica, other files of its id (meta files of older generation
 *     stamps, stray copies) are deleted.
 * </ul>
 * Every change re-checks its premise under the dataset lock ({@link DiskRepairs}).
 */
public final class DirectoryScanner extends ScannerService {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryScanner.class);

  private final FsDataset dataset;
  private final DiskRepairs repairs;
  private final long intervalMs;
  private final CorruptReplicaReporter reporter;
  private final AtomicLong missingBlockFiles = new AtomicLong();
  private final AtomicLong mismatches = new AtomicLong();
  private final AtomicLong straysAdded = new AtomicLong();
  private final AtomicLong junkFilesDeleted = new AtomicLong();
  private final AtomicLong failedVolumes = new AtomicLong();

  /** @param intervalMs time between scans; 0 means only on {@link #triggerScanNow} */
  public DirectoryScanner(FsDataset dataset, long intervalMs, CorruptReplicaReporter reporter) {
    super("DirectoryScanner");
    this.dataset = dataset;
    this.repairs = new DiskRepairs(dataset);
    this.intervalMs = intervalMs;
    this.reporter = reporter;
  }

  @Override boolean isPeriodic() { return intervalMs > 0; }

  @Override long runRound(boolean full) throws InterruptedException {
    failedVolumes.addAndGet(dataset.getVolumeHealth().checkAll().size());
    checkReplicas();
    for (StorageDirectory sd : dataset.getStorage().getDirs()) {
      if (!dataset.getVolumeHealth().isFailed(sd)) {
        checkDisk(sd);
      }
    }
    return intervalMs > 0 ? System.currentTimeMillis() + intervalMs : Long.MAX_VALUE;
  }

  private void checkReplicas() throws InterruptedException {
    for (Replica r : dataset.replicas()) {
      checkInterrupted();
      if (r.getState() != ReplicaState.FINALIZED) {
        continue;
      }
      if (!r.getBlockFile().exists()) {
        if (repairs.removeIfBlockFileMissing(r)) {
          missingBlockFiles.incrementAndGet();
        }
        continue;
      }
      if (r.isCorrupt() || problemOf(r) == null) {
        continue;
      }
      String problem;
      // the same lock as finalization, truncation and deletion: the replica is not mid-change
      synchronized (dataset) {
        problem = dataset.isCurrent(r) && r.getState() == ReplicaState.FINALIZED
            ? problemOf(r) : null;
      }
      if (problem != null && reporter.report(r, "Directory scanner", problem)) {
        mismatches.incrementAndGet();
      }
    }
  }

  private static String problemOf(Replica r) {
    File blk = r.getBlockFile();
    File meta = r.getMetaFile();
    long len = r.getBytesOnDisk();
    if (!blk.exists()) {
      return null;
    }
    if (!meta.exists()) {
      return "meta file " + meta + " is missing";
    }
    if (blk.length() != len) {
      return "block file " + blk + " has " + blk.length() + " bytes, replica length is " + len;
    }
    long metaLen = BlockMetaFile.metaLengthFor(len);
    if (meta.length() != metaLen) {
      return "meta file " + meta + " has " + meta.length() + " bytes, " + metaLen
          + " expected for " + len + " block bytes";
    }
    return null;
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("directory scan stopped");
    }
  }

  private void checkDisk(StorageDirectory sd) throws InterruptedException {
    for (Map.Entry<Long, DiskListing.Entry> e : DiskListing.list(sd).entrySet()) {
      checkInterrupted();
      long id = e.getKey();
      DiskListing.Entry files = e.getValue();
      Replica r = dataset.getReplica(id);
      if (r == null) {
        handleStray(sd, id, files);
      } else if (r.getState() == ReplicaState.FINALIZED) {
        List<File> junk = new ArrayList<>();
        for (File f : files.all()) {
          boolean newerMeta = files.metaFiles.contains(f)
              && DiskListing.gsOf(f) > r.getGenerationStamp();
          if (!f.equals(r.getBlockFile()) && !f.equals(r.getMetaFile()) && !newerMeta) {
            junk.add(f);
          }
        }
        deleteJunk(id, junk);
      }
    }
  }

  private void handleStray(StorageDirectory sd, long id, DiskListing.Entry files)
      throws InterruptedException {
    List<File> junk = new ArrayList<>(files.all());
    File meta = null;
    for (File m : files.metaFiles) {
      if (meta == null || DiskListing.gsOf(m) > DiskListing.gsOf(meta)) {
        meta = m;
      }
    }
    if (files.blockFiles.size() == 1 && meta != null) {
      File blk = files.blockFiles.get(0);
      File dir = sd.getFinalizedDirFor(id);
      Verdict v = dir.equals(blk.getParentFile()) && dir.equals(meta.getParentFile())
          ? verdict(blk, meta) : Verdict.JUNK;
      if (v == Verdict.UNREADABLE) {
        return;
      }
      if (v == Verdict.CONSISTENT
          && repairs.addStray(sd, id, DiskListing.gsOf(meta), blk, meta) != null) {
        straysAdded.incrementAndGet();
        junk.remove(blk);
        junk.remove(meta);
      }
    }
    deleteJunk(id, junk);
  }

  /** What a stray block and meta file pair is; UNREADABLE pairs are left for the next scan. */
  private enum Verdict { CONSISTENT, JUNK, UNREADABLE }

  private static Verdict verdict(File blk, File meta) throws InterruptedException {
    FileChannel m;
    try {
      m = FileChannel.open(meta.toPath(), StandardOpenOption.READ);
    } catch (IOException e) {
      LOG.info("Directory scan: cannot open {}: {}; left for the next scan", meta, e.toString());
      return Verdict.UNREADABLE;
    }
    try (FileChannel ch = m) {
      BlockMetaFile.checkHeader(ch, meta);
      return ch.size() == BlockMetaFile.metaLengthFor(blk.length())
          ? Verdict.CONSISTENT : Verdict.JUNK;
    } catch (ClosedByInterruptException e) {
      throw new InterruptedException("directory scan stopped");
    } catch (IOException e) {
      LOG.debug("Directory scan: {} unusable: {}", meta, e.toString());
      return Verdict.JUNK;
    }
  }

  private void deleteJunk(long id, List<File> junk) {
    if (junk.isEmpty()) {
      return;
    }
    try {
      junkFilesDeleted.addAndGet(repairs.deleteJunk(id, junk).size());
    } catch (IOException e) {
      LOG.warn("Directory scan: cannot delete {}: {}", junk, e.toString());
    }
  }

  /** FINALIZED replicas removed because their block file was gone. */
  public long getMissingBlockFiles() { return missingBlockFiles.get(); }

  /** Replicas reported corrupt for a missing meta file or a length mismatch. */
  public long getMismatches() { return mismatches.get(); }

  /** Stray block files added to the replica map. */
  public long getStraysAdded() { return straysAdded.get(); }

  /** Files deleted because they belonged to no replica. */
  public long getJunkFilesDeleted() { return junkFilesDeleted.get(); }

  /** Volumes this scanner found failed (see {@link io.quire.datanode.storage.VolumeHealth}). */
  public long getFailedVolumes() { return failedVolumes.get(); }
}
