package io.quire.client;

import static io.quire.client.ClientConfigKeys.*;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import org.apache.hadoop.conf.Configuration;

/**
 * The client's effective settings, read once from a Hadoop Configuration at the edge
 * ({@link #from}) or built directly ({@link #builder()}) by tests and embedders. Immutable;
 * every field's key and default live in {@link ClientConfigKeys} (or the shared
 * {@link QuireConfigKeys}). Retry counts below 1 count as 1 (pipeline recoveries: 0), the lease
 * renewal interval is at least 10 ms.
 *
 * @param failover how the NameNode proxy retries and fails over
 */
public record ClientOptions(
    int packetSize,
    int maxPacketsInFlight,
    int socketTimeoutMs,
    int socketWriteTimeoutMs,
    int writeTimeoutExtensionMs,
    int connectTimeoutMs,
    int addBlockRetries,
    int completeRetries,
    long retryInitialDelayMs,
    int blockSetupRetries,
    int pipelineRecoveryRetries,
    long leaseRenewIntervalMs,
    int readMaxAttempts,
    boolean verifyChecksum,
    long defaultBlockSize,
    short defaultReplication,
    FailoverOptions failover) {

  /** Refuses a packet size or window the data-transfer protocol cannot carry, naming the key. */
  public ClientOptions {
    if (packetSize <= 0 || packetSize % QuireConfigKeys.BYTES_PER_CHECKSUM != 0
        || packetSize > DataTransferProtocol.MAX_PACKET_DATA) {
      throw new IllegalArgumentException(PACKET_SIZE_KEY + " must be a positive multiple of "
          + QuireConfigKeys.BYTES_PER_CHECKSUM + " up to " + DataTransferProtocol.MAX_PACKET_DATA
          + " (the data-transfer protocol's largest packet), got " + packetSize);
    }
    if (maxPacketsInFlight < 1) {
      throw new IllegalArgumentException(MAX_PACKETS_IN_FLIGHT_KEY + " must be >= 1");
    }
    if (socketWriteTimeoutMs < 0 || writeTimeoutExtensionMs < 0) {
      throw new IllegalArgumentException(SOCKET_WRITE_TIMEOUT_KEY + " and "
          + QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY + " must be >= 0");
    }
    addBlockRetries = Math.max(1, addBlockRetries);
    completeRetries = Math.max(1, completeRetries);
    retryInitialDelayMs = Math.max(1, retryInitialDelayMs);
    blockSetupRetries = Math.max(1, blockSetupRetries);
    pipelineRecoveryRetries = Math.max(0, pipelineRecoveryRetries);
    leaseRenewIntervalMs = Math.max(10, leaseRenewIntervalMs);
    readMaxAttempts = Math.max(1, readMaxAttempts);
    if (failover == null) {
      failover = FailoverOptions.DEFAULTS;
    }
  }

  /** Reads every client key once; unknown keys are ignored, missing ones take their default. */
  public static ClientOptions from(Configuration conf) {
    return builder()
        .packetSize(conf.getInt(PACKET_SIZE_KEY, PACKET_SIZE_DEFAULT))
        .maxPacketsInFlight(conf.getInt(MAX_PACKETS_IN_FLIGHT_KEY, MAX_PACKETS_IN_FLIGHT_DEFAULT))
        .socketTimeoutMs(conf.getInt(SOCKET_TIMEOUT_KEY, SOCKET_TIMEOUT_DEFAULT))
        .socketWriteTimeoutMs(conf.getInt(SOCKET_WRITE_TIMEOUT_KEY, SOCKET_WRITE_TIMEOUT_DEFAULT))
        .writeTimeoutExtensionMs(conf.getInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY,
            QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_DEFAULT))
        .connectTimeoutMs(conf.getInt(CONNECT_TIMEOUT_KEY, CONNECT_TIMEOUT_DEFAULT))
        .addBlockRetries(conf.getInt(ADD_BLOCK_RETRIES_KEY, ADD_BLOCK_RETRIES_DEFAULT))
        .completeRetries(conf.getInt(COMPLETE_RETRIES_KEY, COMPLETE_RETRIES_DEFAULT))
        .retryInitialDelayMs(conf.getLong(RETRY_INITIAL_DELAY_KEY, RETRY_INITIAL_DELAY_DEFAULT))
        .blockSetupRetries(conf.getInt(BLOCK_SETUP_RETRIES_KEY, BLOCK_SETUP_RETRIES_DEFAULT))
        .pipelineRecoveryRetries(
            conf.getInt(PIPELINE_RECOVERY_RETRIES_KEY, PIPELINE_RECOVERY_RETRIES_DEFAULT))
        .leaseRenewIntervalMs(conf.getLong(LEASE_RENEW_INTERVAL_KEY, LEASE_RENEW_INTERVAL_DEFAULT))
        .readMaxAttempts(conf.getInt(READ_MAX_ATTEMPTS_KEY, READ_MAX_ATTEMPTS_DEFAULT))
        .verifyChecksum(conf.getBoolean(VERIFY_CHECKSUM_KEY, VERIFY_CHECKSUM_DEFAULT))
        .defaultBlockSize(conf.getLongBytes(QuireConfigKeys.BLOCK_SIZE_KEY,
            QuireConfigKeys.BLOCK_SIZE_DEFAULT))
        .defaultReplication((short) conf.getInt(QuireConfigKeys.REPLICATION_KEY,
            QuireConfigKeys.REPLICATION_DEFAULT))
        .failover(FailoverOptions.from(conf))
        .build();
  }

  public static Builder builder() { return new Builder(); }

  /**
   * Write timeout of a connection into a write pipeline of {@code pipelineNodes} nodes (0 for
   * any other op): the base plus one extension per node; 0 (no timeout) if the base is 0.
   */
  public long writeTimeoutMs(int pipelineNodes) {
    return socketWriteTimeoutMs == 0 ? 0
        : socketWriteTimeoutMs + (long) writeTimeoutExtensionMs * pipelineNodes;
  }

  /** Builder starting from every default of {@link ClientConfigKeys}. */
  public static final class Builder {
    private int packetSize = PACKET_SIZE_DEFAULT;
    private int maxPacketsInFlight = MAX_PACKETS_IN_FLIGHT_DEFAULT;
    private int socketTimeoutMs = SOCKET_TIMEOUT_DEFAULT;
    private int socketWriteTimeoutMs = SOCKET_WRITE_TIMEOUT_DEFAULT;
    private int writeTimeoutExtensionMs = QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_DEFAULT;
    private int connectTimeoutMs = CONNECT_TIMEOUT_DEFAULT;
    private int addBlockRetries = ADD_BLOCK_RETRIES_DEFAULT;
    private int completeRetries = COMPLETE_RETRIES_DEFAULT;
    private long retryInitialDelayMs = RETRY_INITIAL_DELAY_DEFAULT;
    private int blockSetupRetries = BLOCK_SETUP_RETRIES_DEFAULT;
    private int pipelineRecoveryRetries = PIPELINE_RECOVERY_RETRIES_DEFAULT;
    private long leaseRenewIntervalMs = LEASE_RENEW_INTERVAL_DEFAULT;
    private int readMaxAttempts = READ_MAX_ATTEMPTS_DEFAULT;
    private boolean verifyChecksum = VERIFY_CHECKSUM_DEFAULT;
    private long defaultBlockSize = QuireConfigKeys.BLOCK_SIZE_DEFAULT;
    private short defaultReplication = QuireConfigKeys.REPLICATION_DEFAULT;
    private FailoverOptions failover = FailoverOptions.DEFAULTS;

    private Builder() {}

    public Builder packetSize(int v) { packetSize = v; return this; }
    public Builder maxPacketsInFlight(int v) { maxPacketsInFlight = v; return this; }
    public Builder socketTimeoutMs(int v) { socketTimeoutMs = v; return this; }
    public Builder socketWriteTimeoutMs(int v) { socketWriteTimeoutMs = v; return this; }
    public Builder writeTimeoutExtensionMs(int v) { writeTimeoutExtensionMs = v; return this; }
    public Builder connectTimeoutMs(int v) { connectTimeoutMs = v; return this; }
    public Builder addBlockRetries(int v) { addBlockRetries = v; return this; }
    public Builder completeRetries(int v) { completeRetries = v; return this; }
    public Builder retryInitialDelayMs(long v) { retryInitialDelayMs = v; return this; }
    public Builder blockSetupRetries(int v) { blockSetupRetries = v; return this; }
    public Builder pipelineRecoveryRetries(int v) { pipelineRecoveryRetries = v; return this; }
    public Builder leaseRenewIntervalMs(long v) { leaseRenewIntervalMs = v; return this; }
    public Builder readMaxAttempts(int v) { readMaxAttempts = v; return this; }
    public Builder verifyChecksum(boolean v) { verifyChecksum = v; return this; }
    public Builder defaultBlockSize(long v) { defaultBlockSize = v; return this; }
    public Builder defaultReplication(short v) { defaultReplication = v; return this; }
    public Builder failover(FailoverOptions v) { failover = v; return this; }

    public ClientOptions build() {
      return new ClientOptions(packetSize, maxPacketsInFlight, socketTimeoutMs,
          socketWriteTimeoutMs, writeTimeoutExtensionMs, connectTimeoutMs, addBlockRetries,
          completeRetries, retryInitialDelayMs, blockSetupRetries, pipelineRecoveryRetries,
          leaseRenewIntervalMs, readMaxAttempts, verifyChecksum, defaultBlockSize,
          defaultReplication, failover);
    }
  }
}
