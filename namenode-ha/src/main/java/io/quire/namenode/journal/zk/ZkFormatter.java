package io.quire.namenode.journal.zk;

import io.quire.namenode.storage.StorageAlreadyFormattedException;
import io.quire.namenode.storage.UnformattedStorageException;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formatting a nameservice's root znode and checking its cluster id.
 *
 * <p>Root data, version {@value #VERSION}: UTF-8 text {@code "<version> <clusterId>"}, e.g.
 * {@code "1 CID-5e3c..."}. A root that is missing or holds no data (created as a parent by
 * another recipe, e.g. the leader latch) is unformatted.
 *
 * <p>Format creates {@code journal/}, {@code journal/epoch} (epoch 0), {@code
 * journal/batches/} and {@code journal/checkpoints/}, and writes the cluster id last, so an
 * interrupted format leaves an unformatted root that a plain format completes. With force it
 * first deletes every batch and checkpoint but keeps the epoch znode, rewriting it with the
 * same epoch: its version moves on, which fences a writer still running (its multis check the
 * old version), and epochs never go back. Run it with every NameNode stopped.
 */
final class ZkFormatter {
  private static final Logger LOG = LoggerFactory.getLogger(ZkFormatter.class);
  static final int VERSION = 1;
  private static final byte[] EMPTY = new byte[0];

  private ZkFormatter() {}

  static void format(CuratorFramework client, String root, String clusterId, boolean force)
      throws IOException {
    if (clusterId.isBlank() || clusterId.contains(" ")) {
      throw new IllegalArgumentException("Bad cluster id '" + clusterId + "'");
    }
    ZkLayout layout = new ZkLayout(root);
    String existing = readClusterId(client, root);
    try {
      boolean hasBatches = hasChildren(client, layout.batches());
      if ((existing != null || hasBatches) && !force) {
        throw new StorageAlreadyFormattedException("ZooKeeper root " + root + " already holds "
            + (existing != null ? "cluster id " + existing : "journal batches")
            + "; format with force to erase its journal");
      }
      client.create().orSetData().creatingParentsIfNeeded().forPath(root, EMPTY);
      createIfMissing(client, layout.journal());
      Stat epochStat = client.checkExists().forPath(layout.epoch());
      if (epochStat == null) {
        client.create().forPath(layout.epoch(), ZkEpoch.NONE.encode());
      } else {
        byte[] data = client.getData().forPath(layout.epoch());
        client.setData().forPath(layout.epoch(), data); // new version: fences a running writer
        LOG.warn("Formatting {} over an existing journal ({}): every batch and checkpoint is"
            + " deleted", root, ZkEpoch.decode(layout.epoch(), data));
      }
      deleteChildren(client, layout.batches());
      deleteChildren(client, layout.checkpoints());
      createIfMissing(client, layout.batches());
      createIfMissing(client, layout.checkpoints());
      client.setData().forPath(root, (VERSION + " " + clusterId).getBytes(StandardCharsets.UTF_8));
      LOG.info("Formatted ZooKeeper journal {} for cluster {}", root, clusterId);
    } catch (Exception e) {
      throw ZkCalls.io("format", root, e);
    }
  }

  /** The cluster id in the root znode, or null if it is unformatted. */
  static String readClusterId(CuratorFramework client, String root) throws IOException {
    byte[] data;
    try {
      data = ZkCalls.getDataOrNull(client, root, null);
    } catch (Exception e) {
      throw ZkCalls.io("read cluster id", root, e);
    }
    if (data == null || data.length == 0) {
      return null;
    }
    String[] parts = new String(data, StandardCharsets.UTF_8).split(" ", 2);
    if (parts.length != 2 || !parts[0].matches("\\d+")) {
      throw new CorruptJournalException("ZooKeeper root " + root + " holds data that is not"
          + " '<version> <clusterId>'");
    }
    if (Integer.parseInt(parts[0]) != VERSION) {
      throw new IncompatibleStorageException("ZooKeeper root " + root + " has format version "
          + parts[0] + "; this NameNode reads only version " + VERSION);
    }
    return parts[1];
  }

  static void checkClusterId(CuratorFramework client, String root, String expected)
      throws IOException {
    String actual = readClusterId(client, root);
    if (actual == null) {
      throw new UnformattedStorageException("ZooKeeper root " + root + " holds no cluster id:"
          + " format the shared journal first");
    }
    if (!actual.equals(expected)) {
      throw new IncompatibleStorageException("ZooKeeper root " + root + " belongs to cluster "
          + actual + ", but this NameNode is of cluster " + expected);
    }
  }

  private static void createIfMissing(CuratorFramework client, String path) throws Exception {
    if (client.checkExists().forPath(path) == null) {
      client.create().forPath(path, EMPTY);
    }
  }

  private static boolean hasChildren(CuratorFramework client, String path) throws Exception {
    Stat stat = client.checkExists().forPath(path);
    return stat != null && stat.getNumChildren() > 0;
  }

  private static void deleteChildren(CuratorFramework client, String path) throws Exception {
    if (client.checkExists().forPath(path) == null) {
      return;
    }
    for (String child : client.getChildren().forPath(path)) {
      client.delete().deletingChildrenIfNeeded().forPath(path + "/" + child);
    }
  }
}
