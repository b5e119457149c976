package io.quire.namenode.journal.zk;

import io.quire.namenode.storage.UnformattedStorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Finding batches by listing buckets ({@link ZkLayout}): the newest (the log's tail), the
 * oldest (the retained window's start) and the one holding a txid. Every answer is read from
 * ZooKeeper when asked; nothing is cached.
 */
final class ZkBatchIndex {
  private final CuratorFramework client;
  private final ZkLayout layout;

  ZkBatchIndex(CuratorFramework client, ZkLayout layout) {
    this.client = client;
    this.layout = layout;
  }

  /** First txids of the buckets, ascending. */
  List<Long> buckets() throws IOException {
    String path = layout.batches();
    try {
      return sortedNumbers(path, client.getChildren().forPath(path));
    } catch (KeeperException.NoNodeException e) {
      throw new UnformattedStorageException("ZooKeeper journal " + layout.root()
          + " is not formatted (no " + path + ")");
    } catch (Exception e) {
      throw ZkCalls.io("list buckets", path, e);
    }
  }

  /** First txids of the batches in the bucket starting at {@code bucket}, ascending. */
  List<Long> batchesIn(long bucket) throws IOException {
    String path = layout.bucket(bucket);
    try {
      return sortedNumbers(path, client.getChildren().forPath(path));
    } catch (KeeperException.NoNodeException e) {
      return List.of();
    } catch (Exception e) {
      throw ZkCalls.io("list batches", path, e);
    }
  }

  /**
   * First txids of the batches in the bucket of {@code firstTxId} from {@code firstTxId} on,
   * ascending (one listing).
   */
  List<Long> batchesFrom(long firstTxId) throws IOException {
    List<Long> all = batchesIn(ZkLayout.bucketOf(firstTxId));
    int from = Collections.binarySearch(all, firstTxId);
    return all.subList(from >= 0 ? from : -from - 1, all.size());
  }

  /** Whether a bucket (empty or not) exists above the bucket starting at {@code bucket}. */
  boolean hasBucketAfter(long bucket) throws IOException {
    List<Long> buckets = buckets();
    return !buckets.isEmpty() && buckets.get(buckets.size() - 1) > bucket;
  }

  /** The data of the batch starting at {@code firstTxId}, or null if there is none. */
  byte[] read(long firstTxId) throws IOException {
    String path = layout.batch(firstTxId);
    try {
      return ZkCalls.getDataOrNull(client, path, null);
    } catch (Exception e) {
      throw ZkCalls.io("read batch", path, e);
    }
  }

  /** First txid of the newest batch, 0 if the log has none. */
  long newestFirstTxId() throws IOException {
    List<Long> buckets = buckets();
    for (int i = buckets.size() - 1; i >= 0; i--) {
      List<Long> batches = batchesIn(buckets.get(i));
      if (!batches.isEmpty()) {
        return batches.get(batches.size() - 1);
      }
    }
    return 0;
  }

  /**
   * Highest txid in the log, 0 if empty: from the newest batch's header (CRC-checked), or, with
   * {@code verifyWholeBatch}, after validating every record of it.
   */
  long lastTxId(boolean verifyWholeBatch) throws IOException {
    long newest = newestFirstTxId();
    if (newest == 0) {
      return 0;
    }
    String path = layout.batch(newest);
    byte[] data = read(newest);
    if (data == null) {
      // Purge never deletes the newest batch; only a format with force removes it.
      throw new IOException("Journal batch znode " + path + " vanished while reading the tail of "
          + layout.root() + " (was the journal formatted again?)");
    }
    if (verifyWholeBatch) {
      ZkBatchFormat.decode(path, newest, data);
    }
    return ZkBatchFormat.decodeHeader(path, newest, data).lastTxId();
  }

  /** First txid of the oldest retained batch, 0 if the log has none. */
  long oldestFirstTxId() throws IOException {
    for (long bucket : buckets()) {
      List<Long> batches = batchesIn(bucket);
      if (!batches.isEmpty()) {
        return batches.get(0);
      }
    }
    return 0;
  }

  /**
   * First txid of the batch that starts at or below {@code txId} in {@code txId}'s bucket, 0
   * if none: since a batch never spans buckets, that batch holds {@code txId} if any does.
   */
  long batchAtOrBefore(long txId) throws IOException {
    long found = 0;
    for (long first : batchesIn(ZkLayout.bucketOf(txId))) {
      if (first <= txId) {
        found = first;
      }
    }
    return found;
  }

  private static List<Long> sortedNumbers(String parent, List<String> names) throws IOException {
    List<Long> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(ZkLayout.parse(parent, name));
    }
    Collections.sort(out);
    return out;
  }
}
