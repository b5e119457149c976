package io.quire.namenode.journal.zk;

/** The header of a batch znode ({@link ZkBatchFormat}): who wrote it and which txids it holds. */
record ZkBatchHeader(long epoch, long firstTxId, int recordCount) {
  long lastTxId() {
    return firstTxId + recordCount - 1;
  }
}
