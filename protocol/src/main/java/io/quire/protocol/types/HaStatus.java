package io.quire.protocol.types;

/**
 * A NameNode's HA status as {@code quire admin ha state} shows it.
 *
 * @param nameNodeId this NameNode's id in its nameservice ("" for a single NameNode)
 * @param epoch the journal epoch it writes with (active) or the highest it has read
 * @param lastAppliedTxId the last journal record applied to its namespace
 * @param lastSeenTxId the last txid it knows the shared log holds (tail lag =
 *     lastSeenTxId - lastAppliedTxId)
 * @param activeId the id of the NameNode it believes active, or null when none is known
 * @param lastCheckpointTxId txid of its latest checkpoint
 * @param pendingDataNodeMessages DataNode messages queued until the log catches up
 */
public record HaStatus(String nameNodeId, HaState state, long epoch, long lastAppliedTxId,
    long lastSeenTxId, String activeId, long lastCheckpointTxId, boolean inSafeMode,
    long pendingDataNodeMessages) {

  /** Records the standby has yet to apply. */
  public long tailLag() {
    return Math.max(0, lastSeenTxId - lastAppliedTxId);
  }
}
