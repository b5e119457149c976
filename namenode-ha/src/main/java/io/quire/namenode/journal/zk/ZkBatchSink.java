package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.BatchSink;
import io.quire.namenode.journal.JournalRecordFormat;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ZooKeeper side of a journal writer: each group-commit batch becomes one or more batch
 * znodes ({@link ZkBatchFormat}), each written by one fenced multi ({@link ZkBatchCommitter}).
 * A batch is split at record boundaries when its records would exceed the batch znode limit,
 * and at bucket boundaries ({@link ZkLayout}); the pieces are committed in txid order.
 */
final class ZkBatchSink implements BatchSink {
  /** The end offset and record count of the records that go into one batch znode. */
  record Piece(int end, int recordCount) {}

  private final ZkBatchCommitter committer;
  private final ZkSessionGuard session;
  private final long epoch;
  private final int maxRecordBytes;
  private final AtomicLong multis = new AtomicLong();

  ZkBatchSink(ZkBatchCommitter committer, ZkSessionGuard session, long epoch,
      int maxBatchBytes) {
    this.committer = committer;
    this.session = session;
    this.epoch = epoch;
    this.maxRecordBytes = maxBatchBytes - ZkBatchFormat.HEADER_SIZE;
  }

  /** When this returns, every record of {@code data[0, length)} is in a committed batch znode. */
  @Override
  public void writeAndSync(byte[] data, int length, long firstTxId, long lastTxId)
      throws IOException {
    int off = 0;
    long txId = firstTxId;
    while (off < length) {
      Piece p = nextPiece(data, off, length, txId, maxRecordBytes);
      committer.commit(txId, ZkBatchFormat.encode(epoch, txId, p.recordCount(), data, off,
          p.end() - off));
      multis.incrementAndGet();
      off = p.end();
      txId += p.recordCount();
    }
    if (txId != lastTxId + 1) {
      throw new IllegalStateException("Batch of txids " + firstTxId + ".." + lastTxId
          + " held records up to txid " + (txId - 1));
    }
  }

  /**
   * The records from {@code off} that fit one batch znode: at least one, at most
   * {@code maxRecordBytes} of them (unless the first alone is larger; the writer refuses those
   * at append), all in the bucket of {@code firstTxId}.
   */
  static Piece nextPiece(byte[] data, int off, int length, long firstTxId, int maxRecordBytes) {
    long bucket = ZkLayout.bucketOf(firstTxId);
    int end = off;
    int count = 0;
    while (end < length) {
      int size = JournalRecordFormat.recordSize(JournalRecordFormat.payloadLength(data, end));
      if (count > 0 && (end - off + size > maxRecordBytes
          || ZkLayout.bucketOf(firstTxId + count) != bucket)) {
        break;
      }
      end += size;
      count++;
    }
    return new Piece(end, count);
  }

  /** The ZooKeeper journal has no segments: every batch is its own znode. */
  @Override
  public void roll(long lastTxId) {}

  @Override
  public void finish(long lastTxId) {}

  @Override
  public void close() {
    session.close();
  }

  /** Batch znodes written, one multi each. */
  @Override
  public long syncCount() {
    return multis.get();
  }

  long unknownOutcomes() {
    return committer.unknownOutcomes();
  }
}
