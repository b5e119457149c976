package io.quire.datanode.storage;

import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.StorageInUseException;
import io.quire.protocol.storage.StorageLock;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity of the DataNode's storage: the storage directories, the DataNode UUID they carry
 * and the cluster id they are stamped with. Directories never stamped (empty) take the UUID
 * chosen here and the cluster id the first NameNode reports ({@link #checkOrStampClusterId}).
 * A directory of another DataNode, another cluster or an unknown layout is refused with
 * {@link IncompatibleStorageException} naming the directory.
 *
 * <p>Each directory's {@code in_use.lock} ({@link StorageLock}) is taken before anything in
 * it is read or changed, and held until {@link #close}: a second DataNode given the same
 * directory fails with {@link StorageInUseException} without touching the first one's files.
 */
public final class DataStorage implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DataStorage.class);

  private final List<StorageDirectory> dirs;
  private final List<StorageLock> locks;
  private final String datanodeUuid;
  private String clusterId;

  private DataStorage(List<StorageDirectory> dirs, List<StorageLock> locks, String datanodeUuid,
      String clusterId) {
    this.dirs = dirs;
    this.locks = locks;
    this.datanodeUuid = datanodeUuid;
    this.clusterId = clusterId;
  }

  /**
   * Opens the given directories (creating their layout) and checks that the stamped ones agree
   * on DataNode UUID and cluster id; a fresh UUID is chosen if none is stamped.
   *
   * @throws StorageInUseException if another DataNode holds one of the directories (nothing
   *     in any directory was changed)
   */
  public static DataStorage open(List<File> roots) throws IOException {
    List<StorageLock> locks = new ArrayList<>();
    try {
      for (File root : roots) {
        File dir = root.getAbsoluteFile();
        if (!dir.isDirectory() && !dir.mkdirs()) {
          throw new IOException("open storage: cannot create directory " + dir);
        }
        locks.add(StorageLock.acquire(dir, "DataNode"));
      }
      return openLocked(roots, locks);
    } catch (IOException | RuntimeException e) {
      release(locks);
      throw e;
    }
  }

  private static DataStorage openLocked(List<File> roots, List<StorageLock> locks)
      throws IOException {
    List<StorageDirectory> dirs = new ArrayList<>();
    String uuid = null;
    String cid = null;
    for (File root : roots) {
      StorageDirectory sd = new StorageDirectory(root);
      sd.createLayout();
      File vf = sd.getVersionFile();
      if (vf.exists()) {
        StorageVersionFile v = StorageVersionFile.read(vf);
        if (v.getLayoutVersion() != StorageVersionFile.LAYOUT_VERSION) {
          throw new IncompatibleStorageException("open storage " + root + ": layout version "
              + v.getLayoutVersion() + ", this DataNode supports "
              + StorageVersionFile.LAYOUT_VERSION);
        }
        if (uuid != null && !uuid.equals(v.getDataNodeUuid())) {
          throw new IncompatibleStorageException("open storage " + root
              + ": belongs to DataNode " + v.getDataNodeUuid() + ", other directories to "
              + uuid);
        }
        if (cid != null && !cid.equals(v.getClusterId())) {
          throw new IncompatibleStorageException("open storage " + root + ": cluster "
              + v.getClusterId() + ", other directories belong to cluster " + cid);
        }
        uuid = v.getDataNodeUuid();
        cid = v.getClusterId();
      }
      dirs.add(sd);
    }
    if (uuid == null) {
      uuid = UUID.randomUUID().toString();
      LOG.info("No stamped storage directory; new DataNode UUID {}", uuid);
    }
    return new DataStorage(dirs, List.copyOf(locks), uuid, cid);
  }

  private static void release(List<StorageLock> locks) {
    for (StorageLock l : locks) {
      try {
        l.close();
      } catch (IOException e) {
        LOG.warn("Cannot release {}", l, e);
      }
    }
  }

  /** Releases the directories' locks (after the DataNode stopped using them). */
  @Override
  public void close() {
    release(locks);
  }

  public List<StorageDirectory> getDirs() { return List.copyOf(dirs); }
  public String getDataNodeUuid() { return datanodeUuid; }

  /** Cluster id the storage is stamped with, or null before the first NameNode answered. */
  public synchronized String getClusterId() { return clusterId; }

  /**
   * Checks the NameNode's cluster id against the storage; stamps unstamped directories with it
   * (durably, see {@link StorageVersionFile#writeAtomicallyAndSync}).
   *
   * @throws IncompatibleStorageException if a directory belongs to another cluster
   */
  public synchronized void checkOrStampClusterId(String nnClusterId) throws IOException {
    for (StorageDirectory sd : dirs) {
      File vf = sd.getVersionFile();
      if (vf.exists()) {
        StorageVersionFile v = StorageVersionFile.read(vf);
        if (!v.getClusterId().equals(nnClusterId)) {
          throw new IncompatibleStorageException("check cluster id: storage directory "
              + sd.getRoot() + " belongs to cluster " + v.getClusterId()
              + " but the NameNode serves cluster " + nnClusterId);
        }
        if (!v.getDataNodeUuid().equals(datanodeUuid)) {
          throw new IncompatibleStorageException("check storage: directory " + sd.getRoot()
              + " belongs to DataNode " + v.getDataNodeUuid() + ", not " + datanodeUuid);
        }
      } else {
        new StorageVersionFile(nnClusterId, datanodeUuid, StorageVersionFile.LAYOUT_VERSION)
            .writeAtomicallyAndSync(vf);
        LOG.info("Stamped storage {} with cluster {} and DataNode {}", sd.getRoot(),
            nnClusterId, datanodeUuid);
      }
    }
    clusterId = nnClusterId;
  }
}
