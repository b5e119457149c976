package io.quire.namenode.conf;

import static io.quire.namenode.conf.NameNodeConfigKeys.*;

import org.apache.hadoop.conf.Configuration;

/**
 * Limits of the replication monitor (see the keys in
 * {@link io.quire.namenode.conf.NameNodeConfigKeys}); HDFS defaults.
 *
 * @param maxStreams transfers a node may be the source of at once
 * @param maxStreamsHardLimit the same for blocks with one replica left
 * @param pendingTimeoutMs how long a scheduled transfer may stay unconfirmed
 * @param workMultiplier blocks scheduled per pass per live DataNode
 */
public record ReplicationOptions(int maxStreams, int maxStreamsHardLimit, long pendingTimeoutMs,
    int workMultiplier) {

  public static ReplicationOptions from(Configuration c) {
    int max = c.getInt(REPLICATION_MAX_STREAMS_KEY, REPLICATION_MAX_STREAMS_DEFAULT);
    return new ReplicationOptions(max,
        Math.max(max, c.getInt(REPLICATION_MAX_STREAMS_HARD_LIMIT_KEY,
            REPLICATION_MAX_STREAMS_HARD_LIMIT_DEFAULT)),
        c.getLong(REPLICATION_PENDING_TIMEOUT_KEY, REPLICATION_PENDING_TIMEOUT_DEFAULT),
        c.getInt(REPLICATION_WORK_MULTIPLIER_KEY, REPLICATION_WORK_MULTIPLIER_DEFAULT));
  }
}
