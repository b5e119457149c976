package io.quire.datanode.storage;

import io.quire.protocol.exceptions.IncompatibleStorageException;
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
 */
public final class DataStorage {
  private static final Logger LOG = LoggerFactory.getLogger(DataStorage.class);

  private final List<StorageDirectory> dirs;
  private final String datanodeUuid;
  private String clusterId;

  private DataStorage(List<StorageDirectory> dirs, String datanodeUuid, String clusterId) {
    this.dirs = dirs;
    this.datanodeUuid = datanodeUuid;
    this.clusterId = clusterId;
  }

  /**
   * Opens the given directories (creating their layout) and checks that the stamped ones agree
   * on DataNode UUID and cluster id; a fresh UUID is chosen if none is stamped.
   */
  public static DataStorage open(List<File> roots) throws IOException {
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
        if (uuid != null && !uuid.equals(v.getDatanodeUuid())) {
          throw new IncompatibleStorageException("open storage " + root
              + ": belongs to DataNode " + v.getDatanodeUuid() + ", other directories to "
              + uuid);
        }
        if (cid != null && !cid.equals(v.getClusterId())) {
          throw new IncompatibleStorageException("open storage " + root + ": cluster "
              + v.getClusterId() + ", other directories belong to cluster " + cid);
        }
        uuid = v.getDatanodeUuid();
        cid = v.getClusterId();
      }
      dirs.add(sd);
    }
    if (uuid == null) {
      uuid = UUID.randomUUID().toString();
      LOG.info("No stamped storage directory; new DataNode UUID {}", uuid);
    }
    return new DataStorage(dirs, uuid, cid);
  }

  public List<StorageDirectory> getDirs() { return List.copyOf(dirs); }
  public String getDatanodeUuid() { return datanodeUuid; }

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
        if (!v.getDatanodeUuid().equals(datanodeUuid)) {
          throw new IncompatibleStorageException("check storage: directory " + sd.getRoot()
              + " belongs to DataNode " + v.getDatanodeUuid() + ", not " + datanodeUuid);
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
