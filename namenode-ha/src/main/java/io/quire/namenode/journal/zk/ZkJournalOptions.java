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
 * @param readAheadBatches most batch znodes a reader has requested or holds ahead of the
 *     records it returned (default {@value #DEFAULT_READ_AHEAD_BATCHES}, at most {@value
 *     #LIMIT_READ_AHEAD_BATCHES}; 1 reads one batch at a time); see {@link ZkBatchWindow}
 */
public record ZkJournalOptions(int maxBatchBytes, long checkpointMaxLagTxns,
    int readAheadBatches) {
  public static final int DEFAULT_MAX_BATCH_BYTES = 512 * 1024;
  public static final int LIMIT_MAX_BATCH_BYTES = 1_000_000;
  /** Smallest useful batch: a header and one record with a 1-byte payload. */
  public static final int MIN_MAX_BATCH_BYTES =
      ZkBatchFormat.HEADER_SIZE + JournalRecordFormat.HEADER_SIZE + 1;
  public static final long DEFAULT_CHECKPOINT_MAX_LAG_TXNS = 10_000_000L;
  public static final int DEFAULT_READ_AHEAD_BATCHES = 128;
  /** Well below ZooKeeper's default globalOutstandingLimit of 1000 requests per server. */
  public static final int LIMIT_READ_AHEAD_BATCHES = 512;

  public ZkJournalOptions {
    if (maxBatchBytes < MIN_MAX_BATCH_BYTES || maxBatchBytes > LIMIT_MAX_BATCH_BYTES) {
      throw new IllegalArgumentException("maxBatchBytes " + maxBatchBytes + " outside ["
          + MIN_MAX_BATCH_BYTES + ", " + LIMIT_MAX_BATCH_BYTES + "]");
    }
    if (checkpointMaxLagTxns < 1) {
      throw new IllegalArgumentException("checkpointMaxLagTxns " + checkpointMaxLagTxns
          + " must be positive");
    }
    if (readAheadBatches < 1 || readAheadBatches > LIMIT_READ_AHEAD_BATCHES) {
      throw new IllegalArgumentException("readAheadBatches " + readAheadBatches + " outside [1, "
          + LIMIT_READ_AHEAD_BATCHES + "]");
    }
  }

  public static ZkJournalOptions defaults() {
    return new ZkJournalOptions(DEFAULT_MAX_BATCH_BYTES, DEFAULT_CHECKPOINT_MAX_LAG_TXNS,
        DEFAULT_READ_AHEAD_BATCHES);
  }

  public ZkJournalOptions withMaxBatchBytes(int bytes) {
    return new ZkJournalOptions(bytes, checkpointMaxLagTxns, readAheadBatches);
  }

  public ZkJournalOptions withCheckpointMaxLagTxns(long txns) {
    return new ZkJournalOptions(maxBatchBytes, txns, readAheadBatches);
  }

  public ZkJournalOptions withReadAheadBatches(int batches) {
    return new ZkJournalOptions(maxBatchBytes, checkpointMaxLagTxns, batches);
  }

  /** Largest record payload that fits one batch znode. */
  public int maxPayloadBytes() {
    return maxBatchBytes - ZkBatchFormat.HEADER_SIZE - JournalRecordFormat.HEADER_SIZE;
  }
}
