package io.quire.datanode.storage;

import io.quire.protocol.storage.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Layout of one DataNode storage directory:
 *
 * <pre>
 * in_use.lock                          held while a DataNode uses the directory, see
 *                                      {@link io.quire.protocol.storage.StorageLock}
 * current/VERSION                      properties, see {@link StorageVersionFile}
 * current/finalized/subdirXX/blk_ID    finalized block data
 * current/finalized/subdirXX/blk_ID_GS.meta
 *                                      its checksums, see {@link BlockMetaFile}
 * current/rbw/blk_ID, blk_ID_GS.meta   replicas being written (or to recover)
 * current/tmp/blk_ID, blk_ID_GS.meta   copies received to replace a corrupt or stale
 *                                      replica; emptied at start (never reported)
 * </pre>
 *
 * ID is the block id, GS the generation stamp. {@code XX} is two hex digits taken from bits
 * 8..15 of the block id: consecutive blocks share a directory in runs of 256, and all blocks
 * spread evenly over 256 directories.
 */
public final class StorageDirectory {
  private final File root;
  /** Finalized subdirectories whose entry in finalized/ this process has fsynced. */
  private final Set<String> syncedSubdirs = ConcurrentHashMap.newKeySet();

  public StorageDirectory(File root) {
    this.root = root.getAbsoluteFile();
  }

  public File getRoot() { return root; }
  public File getCurrentDir() { return new File(root, "current"); }
  public File getVersionFile() { return new File(getCurrentDir(), StorageVersionFile.NAME); }
  public File getFinalizedDir() { return new File(getCurrentDir(), "finalized"); }
  public File getRbwDir() { return new File(getCurrentDir(), "rbw"); }
  public File getTmpDir() { return new File(getCurrentDir(), "tmp"); }

  /** Directory that holds the finalized replica of {@code blockId}. */
  public File getFinalizedDirFor(long blockId) {
    return new File(getFinalizedDir(), String.format("subdir%02x", (blockId >>> 8) & 0xFF));
  }

  /** Creates current/, finalized/, rbw/ and tmp/ if missing. */
  public void createLayout() throws IOException {
    for (File d : new File[] {getCurrentDir(), getFinalizedDir(), getRbwDir(), getTmpDir()}) {
      if (!d.isDirectory() && !d.mkdirs()) {
        throw new IOException("create storage layout: cannot create directory " + d);
      }
    }
  }

  /** Deletes what an earlier run left in tmp/ (unfinished replacement copies). */
  public void clearTmp() throws IOException {
    File[] left = getTmpDir().listFiles();
    if (left == null) {
      return;
    }
    for (File f : left) {
      java.nio.file.Files.deleteIfExists(f.toPath());
    }
  }

  /** Total bytes of the volume holding this directory. */
  public long getCapacity() { return root.getTotalSpace(); }

  /** Bytes still usable on the volume holding this directory. */
  public long getRemaining() { return root.getUsableSpace(); }

  /**
   * Makes the entry of finalized subdirectory {@code subdir} in {@code finalized/} durable, by
   * an fsync of {@code finalized/} the first time this process asks for a subdirectory (at most
   * 256 times); later calls cost nothing. A no-op for directories other than finalized
   * subdirectories.
   */
  void syncFinalizedSubdirEntry(File subdir) throws IOException {
    File parent = getFinalizedDir();
    if (!parent.equals(subdir.getParentFile()) || syncedSubdirs.contains(subdir.getName())) {
      return;
    }
    AtomicFiles.syncDirectory(parent.toPath());
    syncedSubdirs.add(subdir.getName());
  }

  @Override public String toString() { return root.toString(); }
}
