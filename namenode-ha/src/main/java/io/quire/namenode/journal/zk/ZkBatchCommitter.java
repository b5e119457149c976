package io.quire.namenode.journal.zk;

import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.TransactionOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch znode with one fenced ZooKeeper multi: {@code check(epoch znode, the
 * version our promise produced)} + ({@code create(bucket)} for a new bucket) + {@code
 * create(batch znode)}. Once a newer writer has promised its epoch the check fails and the
 * multi writes nothing ({@link FencedException}).
 *
 * <p>Unknown outcome: after ConnectionLoss (or an operation timeout) the committer waits, at
 * most the session timeout, for the client to reconnect, then reads back: the batch znode
 * with our exact bytes means the multi committed; no batch znode and the epoch znode still at
 * our version means it did not (send it again); anything else means a newer writer took over
 * ({@link FencedException}). A NodeExists answer (the client's own retry of a multi that had
 * committed) is resolved by the same read-back. The session must stay the one the writer
 * opened on ({@link ZkSessionGuard}).
 *
 * <p>A read-back after reconnecting to a server that has not yet applied our multi sees "not
 * committed" and sends the multi again. That is still safe: the second multi can only fail
 * (NodeExists, answered by a server that has by then applied the first, so the next read-back
 * sees our bytes) or fail the check (a newer writer: fenced); it can never write the batch
 * twice or after a newer promise.
 */
final class ZkBatchCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(ZkBatchCommitter.class);
  private static final byte[] EMPTY = new byte[0];

  private final CuratorFramework client;
  private final ZkLayout layout;
  private final long epoch;
  private final int epochVersion;
  private final ZkSessionGuard session;
  private final ZkWriteFaults faults;
  private final AtomicLong unknownOutcomes = new AtomicLong();
  /** The newest bucket known to exist; -1 before the first batch. */
  private long knownBucket = -1;

  ZkBatchCommitter(CuratorFramework client, ZkLayout layout, long epoch, int epochVersion,
      ZkSessionGuard session, ZkWriteFaults faults) {
    this.client = client;
    this.layout = layout;
    this.epoch = epoch;
    this.epochVersion = epochVersion;
    this.session = session;
    this.faults = faults;
  }

  /**
   * When this returns, the batch znode starting at {@code firstTxId} holds {@code batch}.
   *
   * @throws FencedException if a newer epoch was promised (nothing of this batch written)
   * @throws IOException if the session expired or the outcome stayed unknown for the session
   *     timeout; the writer must fail
   */
  void commit(long firstTxId, byte[] batch) throws IOException {
    String path = layout.batch(firstTxId);
    long bucket = ZkLayout.bucketOf(firstTxId);
    long deadline = 0;
    boolean unknown = false;
    try {
      while (true) {
        session.check("write the batch at txid " + firstTxId);
        if (unknown) {
          ZkCalls.awaitReconnect(client, deadline, "the multi writing " + path + " (epoch "
              + epoch + ") has an unknown outcome");
          try {
            if (readBack(path, batch, firstTxId)) {
              LOG.info("Journal batch {} (epoch {}) had committed: read back after reconnecting",
                  path, epoch);
              knownBucket = bucket;
              return;
            }
            LOG.info("Journal batch {} (epoch {}) had not committed; sending it again", path,
                epoch);
            unknown = false; // not committed and still our epoch: send it again
          } catch (Exception e) {
            if (ZkCalls.outcomeUnknown(e)) {
              continue;
            }
            throw e;
          }
        }
        boolean createBucket = bucket != knownBucket;
        try {
          faults.beforeMulti(firstTxId);
          client.transaction().forOperations(ops(path, batch, createBucket ? bucket : -1));
          knownBucket = bucket;
          faults.afterMulti(firstTxId);
          return;
        } catch (KeeperException.BadVersionException e) {
          throw fenced(firstTxId, e);
        } catch (KeeperException.NodeExistsException e) {
          if (readBack(path, batch, firstTxId)) {
            knownBucket = bucket;
            return;
          }
          if (!createBucket) {
            throw new IOException("Journal batch " + path + " was refused as existing but is"
                + " not there", e);
          }
          knownBucket = bucket; // an earlier writer created the bucket: send the batch alone
        } catch (KeeperException.NoNodeException e) {
          throw new IOException("Journal " + layout.root() + ": the epoch znode or bucket of "
              + path + " vanished (was the journal formatted again?)", e);
        } catch (Exception e) {
          if (!ZkCalls.outcomeUnknown(e)) {
            throw e;
          }
          unknownOutcomes.incrementAndGet();
          if (deadline == 0) {
            deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(ZkCalls.sessionTimeoutMs(client));
          }
          LOG.warn("The multi writing journal batch {} (epoch {}) has an unknown outcome ({});"
              + " reading it back once ZooKeeper is reachable (at most {} ms)", path, epoch, e,
              ZkCalls.sessionTimeoutMs(client));
          unknown = true;
        }
      }
    } catch (Exception e) {
      throw ZkCalls.io("multi writing the batch of epoch " + epoch, path, e);
    }
  }

  /** Multis whose outcome was unknown and had to be read back (a metric). */
  long unknownOutcomes() {
    return unknownOutcomes.get();
  }

  private List<CuratorOp> ops(String path, byte[] batch, long newBucket) throws Exception {
    TransactionOp op = client.transactionOp();
    List<CuratorOp> ops = new ArrayList<>(3);
    ops.add(op.check().withVersion(epochVersion).forPath(layout.epoch()));
    if (newBucket >= 0) {
      ops.add(op.create().forPath(layout.bucket(newBucket), EMPTY));
    }
    ops.add(op.create().forPath(path, batch));
    return ops;
  }

  /**
   * Whether the batch committed: true if its znode holds our bytes, false if it is absent and
   * the epoch znode is still at our version.
   *
   * @throws FencedException otherwise: a newer writer owns the log
   */
  private boolean readBack(String path, byte[] batch, long firstTxId) throws Exception {
    byte[] data = ZkCalls.getDataOrNull(client, path, null);
    if (data != null) {
      if (Arrays.equals(data, batch)) {
        return true;
      }
      throw fenced(firstTxId, null);
    }
    Stat stat = client.checkExists().forPath(layout.epoch());
    if (stat == null || stat.getVersion() != epochVersion) {
      throw fenced(firstTxId, null);
    }
    return false;
  }

  private FencedException fenced(long firstTxId, Exception cause) {
    String by;
    try {
      byte[] data = ZkCalls.getDataOrNull(client, layout.epoch(), null);
      by = data == null ? "a newer epoch (the epoch znode is gone)"
          : ZkEpoch.decode(layout.epoch(), data).toString();
    } catch (Exception e) {
      by = "a newer epoch (" + e + ")";
    }
    FencedException f = new FencedException("Journal " + layout.root() + ": writer with epoch "
        + epoch + " was fenced by " + by + "; refusing to write the batch at txid " + firstTxId
        + ". Another NameNode has opened the journal.");
    if (cause != null) {
      f.initCause(cause);
    }
    return f;
  }
}
