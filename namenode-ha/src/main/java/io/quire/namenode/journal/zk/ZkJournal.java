package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.TxIdNotRetainedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared edit log of an HA nameservice, kept in ZooKeeper: a {@link Journal} whose every
 * group-commit batch is one znode written by one fenced multi.
 *
 * <p>Znode layout under the nameservice root {@code <root>} (e.g. {@code /quire/<ns>}):
 * <pre>
 * &lt;root&gt;                       cluster id: "1 &lt;clusterId&gt;"
 *                              ({@link #format}, {@link #checkClusterId})
 *   journal/
 *     epoch                    the fence: int version 1 | long epoch | writer id (UTF-8)
 *                              ({@link ZkEpoch})
 *     batches/
 *       &lt;bucket&gt;/               19-digit first txid of the bucket: a multiple of 10,000
 *         &lt;firstTxId&gt;          19 digits; one batch of records
 *                              ({@link ZkBatchFormat}, version 1)
 *     checkpoints/
 *       &lt;nnId&gt;                 int version 1 | long txid of that NameNode's latest checkpoint
 *                              ({@link ZkCheckpointRegistry})
 * </pre>
 * Every znode is persistent. Batches are contiguous: the batch after one ending at txid
 * {@code n} is named {@code n + 1}, so a tailing reader watches exactly that name. A batch
 * never spans two buckets (the writer splits it there), so the batch holding txid {@code n}
 * is in bucket {@code n - n % 10000}. Buckets keep every getChildren answer small: a bucket
 * holds at most 10,000 batches (about 230 KB of names, below jute.maxbuffer) and a window of
 * 1-2 million retained records is 100-200 buckets ({@link ZkLayout#BUCKET_TXIDS}).
 *
 * <p>Batch znode data ({@link ZkBatchFormat}): a 32-byte header {@code magic "QZKB" | int
 * version | long epoch | long firstTxId | int recordCount | int headerCrc32c}, then the records
 * in the segment record layout ({@link io.quire.namenode.journal.JournalRecordFormat}), at
 * most {@link ZkJournalOptions#maxBatchBytes} in all.
 *
 * <p>Writing ({@link #openForWrite}): read the epoch znode and its version; refuse an epoch
 * not above the stored one; promise ours by a setData conditional on that version; only then
 * read the tail. Every batch is then one multi of {@code check(epoch znode, the version our
 * promise produced)} and {@code create(batch znode)} (with {@code create(bucket)} before it for
 * the first batch of a bucket), so once another NameNode promises a
 * newer epoch every later batch of ours fails atomically ({@link
 * io.quire.protocol.exceptions.FencedException}); records of two writers never interleave, and
 * the new writer sees every batch the old one committed. A lost reply is resolved by reading
 * back ({@link ZkBatchCommitter}); an expired session fails the writer ({@link
 * ZkSessionGuard}).
 *
 * <p>Reading ({@link #readFrom}, {@link ZkJournalReader}): a reader lists a bucket once and
 * fetches its batches ahead of its position with pipelined asynchronous getData calls (at most
 * {@link ZkJournalOptions#readAheadBatches}), verifying each batch and that it follows the
 * previous one. At the log's end it returns null; {@link #awaitRecord} then waits with an
 * exists watch on the name of the next batch.
 *
 * <p>The {@link CuratorFramework} is the caller's (shared with the leader election): this
 * journal never closes it.
 */
public final class ZkJournal implements Journal {
  private static final Logger LOG = LoggerFactory.getLogger(ZkJournal.class);

  private final CuratorFramework client;
  private final ZkLayout layout;
  private final String writerId;
  private final ZkJournalOptions options;
  private final ZkBatchIndex index;
  private final ZkBatchPurger purger;
  private final ZkChangeSignal changes = new ZkChangeSignal();
  /**
   * A txid the log was last seen to end at (-1: none yet); the log only grows, so if batch
   * {@code knownTail + 1} is absent, txid {@code knownTail + 1} is not in the log now.
   */
  private volatile long knownTail = -1;
  private volatile ZkWriteFaults faults = ZkWriteFaults.NONE;
  private GroupCommitWriter writer;
  private ZkBatchSink sink;

  /**
   * The journal at {@code root} through {@code client} (started; owned by the caller). Does
   * not read anything yet.
   *
   * @param writerId who writes when this instance opens the journal (the NameNode id); stored
   *     with the epoch so a fenced writer's error names its successor
   */
  public ZkJournal(CuratorFramework client, String root, String writerId,
      ZkJournalOptions options) {
    this.client = client;
    this.layout = new ZkLayout(root);
    this.writerId = writerId;
    this.options = options;
    this.index = new ZkBatchIndex(client, layout);
    this.purger = new ZkBatchPurger(client, layout, index);
  }

  /**
   * Formats {@code root} for cluster {@code clusterId}: an empty journal at epoch 0. Refuses a
   * root that holds a cluster id or batches unless {@code force}, which erases the journal's
   * batches and checkpoints (keeping the epoch, and fencing a writer still running). Run it
   * with every NameNode of the nameservice stopped.
   *
   * @throws io.quire.namenode.storage.StorageAlreadyFormattedException without force on a
   *     formatted root
   */
  public static void format(CuratorFramework client, String root, String clusterId,
      boolean force) throws IOException {
    ZkFormatter.format(client, root, clusterId, force);
  }

  /**
   * Start-up check that {@code root} belongs to {@code clusterId}.
   *
   * @throws io.quire.namenode.storage.UnformattedStorageException if it was never formatted
   * @throws io.quire.protocol.exceptions.IncompatibleStorageException if it belongs to another
   *     cluster
   */
  public static void checkClusterId(CuratorFramework client, String root, String clusterId)
      throws IOException {
    ZkFormatter.checkClusterId(client, root, clusterId);
  }

  /** The cluster id {@code root} was formatted with, or null if it was not. */
  public static String readClusterId(CuratorFramework client, String root) throws IOException {
    return ZkFormatter.readClusterId(client, root);
  }

  /** Test hook: fault-injection points for writers opened afterwards. */
  void setWriteFaults(ZkWriteFaults f) {
    this.faults = f;
  }

  /**
   * Promises {@code epoch} on the epoch znode, then reads (and fully validates) the newest
   * batch, and returns the writer whose first record gets txid {@link #getLastTxId()} + 1. A
   * writer this instance opened before is closed (it is fenced by the promise).
   *
   * @throws io.quire.protocol.exceptions.FencedException if an epoch >= {@code epoch} was
   *     promised
   * @throws io.quire.protocol.exceptions.CorruptJournalException if the newest batch is damaged
   */
  @Override
  public synchronized GroupCommitWriter openForWrite(long epoch) throws IOException {
    GroupCommitWriter previous = writer;
    ZkSessionGuard session;
    try {
      session = new ZkSessionGuard(client);
    } catch (Exception e) {
      throw ZkCalls.io("open for writing (session)", layout.root(), e);
    }
    try {
      int epochVersion = ZkEpochPromise.promise(client, layout, epoch, writerId);
      if (previous != null) {
        previous.fenceLocally(epoch);
      }
      long lastTxId = index.lastTxId(true);
      ZkBatchCommitter committer = new ZkBatchCommitter(client, layout, epoch, epochVersion,
          session, faults);
      sink = new ZkBatchSink(committer, session, epoch, options.maxBatchBytes());
      writer = new GroupCommitWriter("ZooKeeper " + layout.root(), epoch, lastTxId,
          options.maxPayloadBytes(), sink);
      LOG.info("Opened ZooKeeper journal {} for writing with epoch {} (writer {}) at txid {}",
          layout.root(), epoch, writerId, lastTxId + 1);
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
    if (previous != null) {
      previous.close();
    }
    return writer;
  }

  /**
   * A reader from {@code fromTxId}: positioned at the batch holding it, or, beyond the end, at
   * the batch that will follow the current tail. It reads ahead up to {@link
   * ZkJournalOptions#readAheadBatches} batches with pipelined requests ({@link
   * ZkJournalReader}).
   *
   * @throws TxIdNotRetainedException if {@code fromTxId} was purged (bootstrap from a newer
   *     checkpoint)
   */
  @Override
  public JournalReader readFrom(long fromTxId) throws IOException {
    if (fromTxId < 1) {
      throw new IllegalArgumentException("Journal txids start at 1, not " + fromTxId);
    }
    long first = index.batchAtOrBefore(fromTxId);
    if (first == 0) {
      long oldest = index.oldestFirstTxId();
      if (oldest > fromTxId) {
        throw new TxIdNotRetainedException("ZooKeeper journal " + layout.root()
            + " no longer holds txid " + fromTxId + ": the oldest retained batch starts at txid "
            + oldest + "; load a newer checkpoint (bootstrap from another NameNode)");
      }
      first = index.lastTxId(false) + 1; // fromTxId is beyond the end: start at the next batch
    }
    ZkBatchWindow window = new ZkBatchWindow(client, layout, index, options.readAheadBatches());
    return new ZkJournalReader(layout, index, window, tail -> knownTail = tail, fromTxId, first);
  }

  /**
   * Waits with an exists watch on the batch znode that will hold {@code txId} next (the one
   * named by the tail + 1), not by polling. When a reader has just found the log ending at
   * {@code txId - 1}, the watch is the only ZooKeeper call: the batch named {@code txId} is then
   * the next one written, so its absence means {@code txId} is not in the log.
   */
  @Override
  public boolean awaitRecord(long txId, long timeoutMs) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    long target = txId;
    try {
      while (true) {
        long seen = changes.generation();
        String path = layout.batch(target);
        if (client.checkExists().usingWatcher(changes).forPath(path) != null) {
          if (target == txId) {
            return true;
          }
          target = txId; // the batch after the old tail appeared: look again
          continue;
        }
        if (target != txId || txId != knownTail + 1) {
          long tail = index.lastTxId(false);
          knownTail = tail;
          if (tail >= txId) {
            return true;
          }
          if (target != tail + 1) {
            target = tail + 1; // txId will be in the batch after the tail: watch that one
            continue;
          }
        }
        if (!changes.awaitChange(seen, deadline)) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for txid " + txId
          + " in ZooKeeper journal " + layout.root());
    } catch (Exception e) {
      throw ZkCalls.io("await txid " + txId, layout.batch(target), e);
    }
  }

  /** Highest txid in ZooKeeper, from the newest batch's header (0 when empty). */
  @Override
  public long getLastTxId() throws IOException {
    return index.lastTxId(false);
  }

  @Override
  public long getPromisedEpoch() throws IOException {
    try {
      byte[] data = ZkCalls.getDataOrNull(client, layout.epoch(), null);
      return data == null ? 0 : ZkEpoch.decode(layout.epoch(), data).epoch();
    } catch (Exception e) {
      throw ZkCalls.io("read epoch", layout.epoch(), e);
    }
  }

  /**
   * Deletes the batch znodes whose every record has txid < {@code txId} (never the newest);
   * done in ZooKeeper when it returns.
   */
  @Override
  public void purgeBefore(long txId) throws IOException {
    purger.purgeBefore(txId);
  }

  /** Batches of the current writer whose multi had an unknown outcome and were read back. */
  synchronized long getUnknownOutcomeCount() {
    return sink == null ? 0 : sink.unknownOutcomes();
  }

  public String getRoot() {
    return layout.root();
  }

  public ZkJournalOptions getOptions() {
    return options;
  }

  /** Closes the open writer (syncing what it holds); the CuratorFramework stays open. */
  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
