package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.TxIdNotRetainedException;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads a {@link ZkJournal} whole batch by batch, in txid order, validating each batch
 * ({@link ZkBatchFormat}) and that it follows the previous one: the batch after one ending at
 * txid {@code n} is named {@code n + 1}.
 *
 * <p>When it needs batch {@code n}, it lists {@code n}'s bucket once and fetches the batches
 * from {@code n} on ahead of its position ({@link ZkBatchWindow}); when those are taken it
 * lists again. When the bucket holds no batch from {@code n} on and no later bucket exists,
 * {@code n} is not written yet: {@link #next} returns null, reports {@code n - 1} as the log's
 * tail (so {@link ZkJournal#awaitRecord} need not look it up), and a later call continues from
 * {@code n} (tailing). A batch absent while later ones exist is purged ({@link
 * TxIdNotRetainedException}) or missing ({@link CorruptJournalException}). A batch fetched
 * ahead is returned even if a purge deletes it afterwards: its records are whole and verified,
 * and the purge is noticed at the first batch fetched after it.
 *
 * <p>A damaged batch throws {@link CorruptJournalException} naming its znode on this and every
 * later call, and nothing after it is returned.
 */
final class ZkJournalReader implements JournalReader {
  private final ZkLayout layout;
  private final ZkBatchIndex index;
  private final ZkBatchWindow window;
  private final LongConsumer tailSeen;
  /** The txid the next returned record must have; records below it are skipped. */
  private long nextTxId;
  /** First txid of the batch to read after the current one. */
  private long nextBatch;
  private long lastEpoch;
  private List<JournalRecord> batch = List.of();
  private int position;
  /** The corruption this reader stopped at, thrown again by every later call. */
  private CorruptJournalException corrupt;

  /**
   * @param tailSeen told {@code t} when the log was found to end at txid {@code t}
   */
  ZkJournalReader(ZkLayout layout, ZkBatchIndex index, ZkBatchWindow window,
      LongConsumer tailSeen, long fromTxId, long firstBatch) {
    this.layout = layout;
    this.index = index;
    this.window = window;
    this.tailSeen = tailSeen;
    this.nextTxId = fromTxId;
    this.nextBatch = firstBatch;
  }

  @Override
  public JournalRecord next() throws IOException {
    while (true) {
      while (position < batch.size()) {
        JournalRecord r = batch.get(position++);
        if (r.txId() >= nextTxId) {
          nextTxId = r.txId() + 1;
          return r;
        }
      }
      if (corrupt != null) {
        throw new CorruptJournalException(corrupt.getMessage(), corrupt);
      }
      List<JournalRecord> records;
      try {
        records = readNextBatch();
      } catch (CorruptJournalException e) {
        // Not read again: a listing taken afterwards may no longer show what was wrong (a
        // batch starting inside the previous one is only seen among the names of one listing).
        window.reset();
        corrupt = e;
        throw e;
      } catch (IOException | RuntimeException e) {
        window.reset(); // the next call starts again from nextBatch
        throw e;
      }
      if (records == null) {
        return null;
      }
      batch = records;
      position = 0;
      nextBatch = records.get(records.size() - 1).txId() + 1;
    }
  }

  /** The verified records of batch {@code nextBatch}, or null at the end of the log. */
  private List<JournalRecord> readNextBatch() throws IOException {
    if (window.isEmpty() && !planFromNextBatch()) {
      window.reset();
      tailSeen.accept(nextBatch - 1);
      return null;
    }
    ZkBatchWindow.Batch b = window.take();
    if (b.firstTxId() > nextBatch) {
      throw new CorruptJournalException("ZooKeeper journal " + layout.root() + " has no batch "
          + layout.batch(nextBatch) + " but holds later txids (batch znode "
          + layout.batch(b.firstTxId()) + "): records are missing");
    }
    if (b.firstTxId() < nextBatch) {
      throw new CorruptJournalException("Corrupt journal batch znode "
          + layout.batch(b.firstTxId()) + ": it starts inside the previous batch, which ends"
          + " at txid " + (nextBatch - 1) + "; refusing to replay past it");
    }
    if (b.data() == null) {
      throw missing(); // purged (or deleted) after the listing
    }
    String path = b.path();
    List<JournalRecord> records = ZkBatchFormat.decode(path, nextBatch, b.data());
    long epoch = records.get(0).epoch();
    if (epoch < lastEpoch) {
      throw new CorruptJournalException("Corrupt journal batch znode " + path + ": epoch "
          + epoch + " is below the previous batch's epoch " + lastEpoch
          + "; refusing to replay past it");
    }
    lastEpoch = epoch;
    return records;
  }

  /**
   * Lists the bucket of {@code nextBatch} and plans its batches from there on; false if the
   * log holds nothing from {@code nextBatch} on (its end, for now).
   */
  private boolean planFromNextBatch() throws IOException {
    List<Long> names = index.batchesFrom(nextBatch);
    if (names.isEmpty()) {
      if (!index.hasBucketAfter(ZkLayout.bucketOf(nextBatch))) {
        return false;
      }
      names = List.of(nextBatch); // written since the listing, or missing: read it to know
    }
    if (names.get(0) != nextBatch) {
      throw missing();
    }
    window.plan(names);
    return true;
  }

  /** The batch at {@code nextBatch} is absent although the log goes beyond it. */
  private IOException missing() throws IOException {
    long oldest = index.oldestFirstTxId();
    if (nextBatch < oldest) {
      return new TxIdNotRetainedException("ZooKeeper journal " + layout.root()
          + " purged txid " + nextBatch + " before this reader got to it (the oldest retained"
          + " batch starts at txid " + oldest + "); load a newer checkpoint");
    }
    return new CorruptJournalException("ZooKeeper journal " + layout.root() + " has no batch "
        + layout.batch(nextBatch) + " but holds later txids: records are missing");
  }

  @Override
  public void close() {
    window.reset();
  }
}
