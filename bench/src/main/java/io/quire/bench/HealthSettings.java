package io.quire.bench;

/**
 * The liveness and replication settings both systems get in the health benchmark, in HDFS's
 * terms: heartbeat interval, heartbeat recheck interval (a DataNode is dead after
 * 2 x recheck + 10 x heartbeat, HDFS's formula, applied to Quire's expiry key too),
 * replication monitor interval, blocks scheduled per pass per live node (work multiplier),
 * concurrent transfers per source node (max-streams, hard limit twice that), and a safe-mode
 * extension of 0.
 */
record HealthSettings(long heartbeatMs, long recheckMs, long monitorMs, int workMultiplier,
    int maxStreams) {

  long deadAfterMs() {
    return 2 * recheckMs + 10 * heartbeatMs;
  }

  @Override public String toString() {
    return String.format("heartbeat %d ms, recheck %d ms (dead after %d ms), monitor %d ms,"
        + " work multiplier %d, max-streams %d, safe-mode extension 0", heartbeatMs, recheckMs,
        deadAfterMs(), monitorMs, workMultiplier, maxStreams);
  }
}
