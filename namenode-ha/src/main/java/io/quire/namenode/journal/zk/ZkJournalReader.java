package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.TxIdNotRetainedException;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.IOException;
import java.util.List;

/**
 * Reads a {@link ZkJournal} whole batch by batch, in txid order, validating each batch
 * ({@link ZkBatchFormat}). The batch after one ending at txid {@code n} is named {@code n + 1},
 * so a reader always knows the one znode it needs next; when that znode does not exist yet
 * {@link #next} returns null, and a later call continues from it (tailing). A damaged batch
 * throws {@link CorruptJournalException} on this and every later call.
 */
final class ZkJournalReader implements JournalReader {
  private final ZkLayout layout;
  private final ZkBatchIndex index;
  /** The txid the next returned record must have; records below it are skipped. */
  private long nextTxId;
  /** First txid of the batch to read after the current one. */
  private long nextBatch;
  private long lastEpoch;
  private List<JournalRecord> batch = List.of();
  private int position;

  ZkJournalReader(ZkLayout layout, ZkBatchIndex index, long fromTxId, long firstBatch) {
    this.layout = layout;
    this.index = index;
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
      byte[] data = index.read(nextBatch);
      if (data == null) {
        if (index.lastTxId(false) < nextBatch) {
          return null; // the end of the log, for now
        }
        data = index.read(nextBatch); // written just now, or missing?
        if (data == null) {
          throw missing();
        }
      }
      String path = layout.batch(nextBatch);
      List<JournalRecord> records = ZkBatchFormat.decode(path, nextBatch, data);
      long epoch = records.get(0).epoch();
      if (epoch < lastEpoch) {
        throw new CorruptJournalException("Corrupt journal batch znode " + path + ": epoch "
            + epoch + " is below the previous batch's epoch " + lastEpoch
            + "; refusing to replay past it");
      }
      lastEpoch = epoch;
      batch = records;
      position = 0;
      nextBatch = records.get(records.size() - 1).txId() + 1;
    }
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
  public void close() {}
}
