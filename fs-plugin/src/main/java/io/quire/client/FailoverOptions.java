package io.quire.client;

import static io.quire.client.ClientConfigKeys.*;

import org.apache.hadoop.conf.Configuration;

/**
 * How a client's NameNode proxy retries and fails over, read once from a Hadoop
 * Configuration ({@link #from}). Immutable; keys and defaults live in {@link ClientConfigKeys}.
 *
 * @param connectRetries IPC connect retries to one NameNode before failing over
 * @param rpcTimeoutMs how long one NameNode call may take before the client fails over
 * @param maxAttempts failovers of one call before it fails
 * @param sleepBaseMs base of the exponential back-off between failovers
 * @param sleepMaxMs longest back-off between failovers
 */
public record FailoverOptions(int connectRetries, int rpcTimeoutMs, int maxAttempts,
    long sleepBaseMs, long sleepMaxMs) {

  /** Every default of {@link ClientConfigKeys}. */
  public static final FailoverOptions DEFAULTS = new FailoverOptions(IPC_CONNECT_RETRIES_DEFAULT,
      NAMENODE_RPC_TIMEOUT_DEFAULT, FAILOVER_MAX_ATTEMPTS_DEFAULT, FAILOVER_SLEEP_BASE_DEFAULT,
      FAILOVER_SLEEP_MAX_DEFAULT);

  /** Reads the failover keys; missing ones take their default. */
  public static FailoverOptions from(Configuration conf) {
    return new FailoverOptions(
        conf.getInt(IPC_CONNECT_RETRIES_KEY, IPC_CONNECT_RETRIES_DEFAULT),
        conf.getInt(NAMENODE_RPC_TIMEOUT_KEY, NAMENODE_RPC_TIMEOUT_DEFAULT),
        conf.getInt(FAILOVER_MAX_ATTEMPTS_KEY, FAILOVER_MAX_ATTEMPTS_DEFAULT),
        conf.getLong(FAILOVER_SLEEP_BASE_KEY, FAILOVER_SLEEP_BASE_DEFAULT),
        conf.getLong(FAILOVER_SLEEP_MAX_KEY, FAILOVER_SLEEP_MAX_DEFAULT));
  }
}
