package io.quire.namenode.storage;

import io.quire.namenode.image.CheckpointStore;
import io.quire.namenode.journal.FileJournal;
import io.quire.namenode.journal.Journal;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.StorageInUseException;
import io.quire.protocol.storage.AtomicFiles;
import io.quire.protocol.storage.StorageLock;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NameNode storage directory, open and locked.
 *
 * <p>Layout (layout version {@value #LAYOUT_VERSION}):
 * <pre>
 * &lt;name.dir&gt;/in_use.lock          exclusive OS lock while a NameNode uses the directory
 * &lt;name.dir&gt;/current/VERSION      cluster id, layout version, ctime ({@link StorageVersion})
 * &lt;name.dir&gt;/current/epoch        highest promised writer epoch (journal)
 * &lt;name.dir&gt;/current/journal.lock serializes journal writers and epoch promises
 * &lt;name.dir&gt;/current/edits_*      journal segments ({@link FileJournal})
 * &lt;name.dir&gt;/current/fsimage_*    checkpoints ({@link CheckpointStore})
 * </pre>
 */
public final class NameNodeStorage implements Closeable {
  /** Layout of the directory and of the files in it; bump on any incompatible change. */
  public static final int LAYOUT_VERSION = 1;
  static final String CURRENT_DIR = "current";

  private static final Logger LOG = LoggerFactory.getLogger(NameNodeStorage.class);

  private final File nameDir;
  private final StorageLock lock;
  private final StorageVersion version;
  private final FileJournal journal;
  private final CheckpointStore checkpoints;

  private NameNodeStorage(File nameDir, StorageLock lock, StorageVersion version,
      FileJournal journal, CheckpointStore checkpoints) {
    this.nameDir = nameDir;
    this.lock = lock;
    this.version = version;
    this.journal = journal;
    this.checkpoints = checkpoints;
  }

  /**
   * Formats {@code nameDir} for a new namespace and returns its new cluster id. When this
   * returns, {@code current/VERSION} is durable; the journal is empty and no image exists yet
   * (the namesystem saves its image at txid 0 itself).
   *
   * @throws StorageAlreadyFormattedException if {@code current/} holds data and not {@code force}
   * @throws StorageInUseException if a NameNode holds the directory
   */
  public static String format(File nameDir, boolean force) throws IOException {
    return format(nameDir, force, "CID-" + UUID.randomUUID());
  }

  /**
   * As {@link #format(File, boolean)} with a given cluster id: a NameNode joining an HA
   * nameservice ({@code -bootstrapStandby}) takes the nameservice's.
   */
  public static String format(File nameDir, boolean force, String clusterId) throws IOException {
    Files.createDirectories(nameDir.toPath());
    try (StorageLock ignored = StorageLock.acquire(nameDir, "NameNode")) {
      Path current = nameDir.toPath().resolve(CURRENT_DIR);
      if (holdsData(current)) {
        if (!force) {
          throw new StorageAlreadyFormattedException("Refusing to format NameNode storage "
              + nameDir + ": " + current + " already holds data. Re-run with -force "
              + "(quire namenode -format -force) to erase it.");
        }
        LOG.warn("Formatting with -force: erasing {}", current);
        deleteRecursively(current);
      }
      Files.createDirectories(current);
      StorageVersion v = new StorageVersion(clusterId, LAYOUT_VERSION, System.currentTimeMillis());
      AtomicFiles.writeAndSync(current.resolve(StorageVersion.FILE_NAME), v.toBytes());
      AtomicFiles.syncDirectory(nameDir.toPath());
      LOG.info("Formatted NameNode storage {} with cluster id {}", nameDir, clusterId);
      return clusterId;
    }
  }

  /**
   * Opens and locks a formatted storage directory.
   *
   * @throws UnformattedStorageException if it was never formatted
   * @throws IncompatibleStorageException if its VERSION is unreadable, foreign or of an
   *     unknown layout
   * @throws StorageInUseException if another NameNode holds it
   */
  public static NameNodeStorage open(File nameDir) throws IOException {
    Path current = nameDir.toPath().resolve(CURRENT_DIR);
    Path versionFile = current.resolve(StorageVersion.FILE_NAME);
    if (!nameDir.isDirectory() || !Files.exists(versionFile)) {
      throw unformatted(nameDir, versionFile);
    }
    StorageLock lock = StorageLock.acquire(nameDir, "NameNode");
    try {
      if (!Files.exists(versionFile)) {
        throw unformatted(nameDir, versionFile);
      }
      StorageVersion v = StorageVersion.read(versionFile);
      if (v.layoutVersion() != LAYOUT_VERSION) {
        throw new IncompatibleStorageException("NameNode storage " + nameDir
            + " has layout version " + v.layoutVersion() + "; this NameNode supports only "
            + LAYOUT_VERSION);
      }
      FileJournal journal = new FileJournal(current);
      LOG.info("Opened NameNode storage {} (cluster id {}, layout version {})", nameDir,
          v.clusterId(), v.layoutVersion());
      return new NameNodeStorage(nameDir, lock, v, journal, new CheckpointStore(current));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static UnformattedStorageException unformatted(File nameDir, Path versionFile) {
    return new UnformattedStorageException("NameNode storage directory " + nameDir
        + " is not formatted (no " + versionFile + "): run `quire namenode -format` first");
  }

  private static boolean holdsData(Path current) throws IOException {
    if (!Files.isDirectory(current)) {
      return Files.exists(current);
    }
    try (Stream<Path> s = Files.list(current)) {
      return s.findAny().isPresent();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  public String getClusterId() {
    return version.clusterId();
  }

  public int getLayoutVersion() {
    return version.layoutVersion();
  }

  /** The journal in {@code current/}; closed by {@link #close}. */
  public Journal getJournal() {
    return journal;
  }

  public CheckpointStore getCheckpointStore() {
    return checkpoints;
  }

  /** The name directory (the parent of {@code current/}). */
  public File getDirectory() {
    return nameDir;
  }

  /** Closes the journal (finishing an open writer's segment) and releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      journal.close();
    } finally {
      lock.close();
    }
  }
}
