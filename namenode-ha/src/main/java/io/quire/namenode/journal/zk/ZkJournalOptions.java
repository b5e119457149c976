package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.JournalRecordFormat;

/**
 * Settings of a {@link ZkJournal} and its {@link ZkCheckpointRegistry}; immutable, validated
 * at construction.
 *
 * @param maxBatchBytes largest batch znode, header included (default {@value
 *     #DEFAULT_MAX_BATCH_BYTES}); a group-commit batch above it is written as several batch
 *     znodes, and a record that cannot fit one is refused at append. At most {@value
 *     #LIMIT_MAX_BATCH_BYTES}, so that a multi stays below ZooKeeper's default jute.maxbuffer
 *     of 1 MiB with room for its paths and check operation.
 * @param checkpointMaxLagTxns a published checkpoint more than this many transactions behind
 *     the newest published one no longer holds back the purge (default {@value
 *     #DEFAULT_CHECKPOINT_MAX_LAG_TXNS}, ten checkpoint periods at the default
 *     {@code quire.namenode.checkpoint.txns}); see {@link ZkCheckpointRegistry}
 */
public record ZkJournalOptions(int maxBatchBytes, long checkpointMaxLagTxns) {
  public static final int DEFAULT_MAX_BATCH_BYTES = 512 * 1024;
  public static final int LIMIT_MAX_BATCH_BYTES = 1_000_000;
  /** Smallest useful batch: a header and one record with a 1-byte payload. */
  public static final int MIN_MAX_BATCH_BYTES =
      ZkBatchFormat.HEADER_SIZE + JournalRecordFormat.HEADER_SIZE + 1;
  public static final long DEFAULT_CHECKPOINT_MAX_LAG_TXNS = 10_000_000L;

  public ZkJournalOptions {
    if (maxBatchBytes < MIN_MAX_BATCH_BYTES || maxBatchBytes > LIMIT_MAX_BATCH_BYTES) {
      throw new IllegalArgumentException("maxBatchBytes " + maxBatchBytes + " outside ["
          + MIN_MAX_BATCH_BYTES + ", " + LIMIT_MAX_BATCH_BYTES + "]");
    }
    if (checkpointMaxLagTxns < 1) {
      throw new IllegalArgumentException("checkpointMaxLagTxns " + checkpointMaxLagTxns
          + " must be positive");
    }
  }

  public static ZkJournalOptions defaults() {
    return new ZkJournalOptions(DEFAULT_MAX_BATCH_BYTES, DEFAULT_CHECKPOINT_MAX_LAG_TXNS);
  }

  public ZkJournalOptions withMaxBatchBytes(int bytes) {
    return new ZkJournalOptions(bytes, checkpointMaxLagTxns);
  }

  public ZkJournalOptions withCheckpointMaxLagTxns(long txns) {
    return new ZkJournalOptions(maxBatchBytes, txns);
  }

  /** Largest record payload that fits one batch znode. */
  public int maxPayloadBytes() {
    return maxBatchBytes - ZkBatchFormat.HEADER_SIZE - JournalRecordFormat.HEADER_SIZE;
  }
}
