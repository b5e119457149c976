package io.quire.namenode.journal.zk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the batches whose every record is below a txid, oldest first, and the buckets they
 * leave empty. A batch's last txid is the next batch's name minus one, so the newest batch
 * (no successor) is never deleted and the log never forgets its last txid. Deletes go in
 * multis of {@value #DELETES_PER_MULTI}, in txid order, so the retained window stays
 * contiguous for readers. Safe to run from several NameNodes at once.
 */
final class ZkBatchPurger {
  private static final Logger LOG = LoggerFactory.getLogger(ZkBatchPurger.class);
  static final int DELETES_PER_MULTI = 500;

  private final CuratorFramework client;
  private final ZkLayout layout;
  private final ZkBatchIndex index;

  ZkBatchPurger(CuratorFramework client, ZkLayout layout, ZkBatchIndex index) {
    this.client = client;
    this.layout = layout;
    this.index = index;
  }

  /** Deletes batches whose every record has txid < {@code txId}; returns how many. */
  int purgeBefore(long txId) throws IOException {
    List<String> batches = new ArrayList<>();
    List<String> emptiedBuckets = new ArrayList<>();
    long previous = -1;
    scan:
    for (long bucket : index.buckets()) {
      if (bucket > txId) {
        break; // its batches start above txId: the one before them ends at or above txId
      }
      List<Long> firsts = index.batchesIn(bucket);
      for (long first : firsts) {
        if (first > txId) {
          break scan; // the previous batch ends at first - 1 >= txId: keep it and all after
        }
        if (previous >= 0) {
          batches.add(layout.batch(previous)); // it ends at first - 1 < txId
        }
        previous = first;
      }
      emptiedBuckets.add(layout.bucket(bucket)); // unless it holds the kept batch, see below
    }
    // A bucket is empty once its batches are deleted, unless it holds the kept batch.
    if (previous >= 0) {
      emptiedBuckets.remove(layout.bucket(ZkLayout.bucketOf(previous)));
    }
    List<String> paths = new ArrayList<>(batches);
    paths.addAll(emptiedBuckets);
    deleteInOrder(paths);
    if (!batches.isEmpty()) {
      LOG.info("Purged {} journal batch znode(s) and {} bucket(s) below txid {} from {}",
          batches.size(), emptiedBuckets.size(), txId, layout.root());
    }
    return batches.size();
  }

  private void deleteInOrder(List<String> paths) throws IOException {
    for (int from = 0; from < paths.size(); from += DELETES_PER_MULTI) {
      List<String> chunk = paths.subList(from, Math.min(paths.size(), from + DELETES_PER_MULTI));
      try {
        List<CuratorOp> ops = new ArrayList<>(chunk.size());
        for (String p : chunk) {
          ops.add(client.transactionOp().delete().forPath(p));
        }
        client.transaction().forOperations(ops);
      } catch (KeeperException.NoNodeException | KeeperException.NotEmptyException e) {
        deleteOneByOne(chunk); // another purge ran meanwhile
      } catch (Exception e) {
        throw ZkCalls.io("purge", chunk.get(0), e);
      }
    }
  }

  private void deleteOneByOne(List<String> paths) throws IOException {
    for (String p : paths) {
      try {
        client.delete().forPath(p);
      } catch (KeeperException.NoNodeException e) {
        // deleted by the other purge
      } catch (KeeperException.NotEmptyException e) {
        LOG.warn("Journal bucket {} is not empty after purging its batches; left in place", p);
      } catch (Exception e) {
        throw ZkCalls.io("purge", p, e);
      }
    }
  }
}
