package io.quire.namenode.journal.zk;

/**
 * Fault-injection points of a ZooKeeper journal writer, held per {@link ZkJournal} (tests set
 * them with {@link ZkJournal#setWriteFaults}); {@link #NONE}, the production value, does
 * nothing.
 */
interface ZkWriteFaults {
  ZkWriteFaults NONE = new ZkWriteFaults() {};

  /**
   * Before each multi that creates the batch starting at {@code firstTxId}. Throwing
   * ConnectionLoss here is a request that never reached ZooKeeper.
   */
  default void beforeMulti(long firstTxId) throws Exception {}

  /**
   * After that multi committed. Throwing ConnectionLoss here is a reply lost on the way back:
   * the writer cannot tell the batch committed.
   */
  default void afterMulti(long firstTxId) throws Exception {}
}
