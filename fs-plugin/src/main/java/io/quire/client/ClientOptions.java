package io.quire.client;

import static io.quire.client.ClientConfigKeys.*;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import org.apache.hadoop.conf.Configuration;

/**
 * Immutable client settings, read once from a Hadoop Configuration at the edge
 * ({@link #fromConfiguration}) or built directly ({@link #builder()}) by tests and embedders.
 * Every field's key and default live in {@link ClientConfigKeys}.
 */
public final class ClientOptions {
  private final int packetSize;
  private final int maxPacketsInFlight;
  private final int socketTimeoutMs;
  private final int socketWriteTimeoutMs;
  private final int writeTimeoutExtensionMs;
  private final int connectTimeoutMs;
  private final int addBlockRetries;
  private final int completeRetries;
  private final long retryInitialDelayMs;
  private final int blockSetupRetries;
  private final int pipelineRecoveryRetries;
  private final long leaseRenewIntervalMs;
  private final int readMaxAttempts;
  private final boolean verifyChecksum;
  private final long defaultBlockSize;
  private final short defaultReplication;

  private ClientOptions(Builder b) {
    if (b.packetSize <= 0 || b.packetSize % QuireConfigKeys.BYTES_PER_CHECKSUM != 0
        || b.packetSize > DataTransferProtocol.MAX_PACKET_DATA) {
      throw new IllegalArgumentException(PACKET_SIZE_KEY + " must be a positive multiple of "
          + QuireConfigKeys.BYTES_PER_CHECKSUM + " up to " + DataTransferProtocol.MAX_PACKET_DATA
          + " (the data-transfer protocol's largest packet), got " + b.packetSize);
    }
    if (b.maxPacketsInFlight < 1) {
      throw new IllegalArgumentException(MAX_PACKETS_IN_FLIGHT_KEY + " must be >= 1");
    }
    this.packetSize = b.packetSize;
    this.maxPacketsInFlight = b.maxPacketsInFlight;
    if (b.socketWriteTimeoutMs < 0 || b.writeTimeoutExtensionMs < 0) {
      throw new IllegalArgumentException(SOCKET_WRITE_TIMEOUT_KEY + " and "
          + QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY + " must be >= 0");
    }
    this.socketTimeoutMs = b.socketTimeoutMs;
    this.socketWriteTimeoutMs = b.socketWriteTimeoutMs;
    this.writeTimeoutExtensionMs = b.writeTimeoutExtensionMs;
    this.connectTimeoutMs = b.connectTimeoutMs;
    this.addBlockRetries = Math.max(1, b.addBlockRetries);
    this.completeRetries = Math.max(1, b.completeRetries);
    this.retryInitialDelayMs = Math.max(1, b.retryInitialDelayMs);
    this.blockSetupRetries = Math.max(1, b.blockSetupRetries);
    this.pipelineRecoveryRetries = Math.max(0, b.pipelineRecoveryRetries);
    this.leaseRenewIntervalMs = Math.max(10, b.leaseRenewIntervalMs);
    this.readMaxAttempts = Math.max(1, b.readMaxAttempts);
    this.verifyChecksum = b.verifyChecksum;
    this.defaultBlockSize = b.defaultBlockSize;
    this.defaultReplication = b.defaultReplication;
  }

  /** Reads every client key once; unknown keys are ignored, missing ones take their default. */
  public static ClientOptions fromConfiguration(Configuration conf) {
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
        .build();
  }

  public static Builder builder() { return new Builder(); }

  public int packetSize() { return packetSize; }
  public int maxPacketsInFlight() { return maxPacketsInFlight; }
  public int socketTimeoutMs() { return socketTimeoutMs; }
  public int socketWriteTimeoutMs() { return socketWriteTimeoutMs; }
  public int writeTimeoutExtensionMs() { return writeTimeoutExtensionMs; }

  /**
   * Write timeout of a connection into a write pipeline of {@code pipelineNodes} nodes (0 for
   * any other op): the base plus one extension per node; 0 (no timeout) if the base is 0.
   */
  public long writeTimeoutMs(int pipelineNodes) {
    return socketWriteTimeoutMs == 0 ? 0
        : socketWriteTimeoutMs + (long) writeTimeoutExtensionMs * pipelineNodes;
  }

  public int connectTimeoutMs() { return connectTimeoutMs; }
  public int addBlockRetries() { return addBlockRetries; }
  public int completeRetries() { return completeRetries; }
  public long retryInitialDelayMs() { return retryInitialDelayMs; }
  public int blockSetupRetries() { return blockSetupRetries; }
  public int pipelineRecoveryRetries() { return pipelineRecoveryRetries; }
  public long leaseRenewIntervalMs() { return leaseRenewIntervalMs; }
  public int readMaxAttempts() { return readMaxAttempts; }
  public boolean verifyChecksum() { return verifyChecksum; }
  public long defaultBlockSize() { return defaultBlockSize; }
  public short defaultReplication() { return defaultReplication; }

  @Override public String toString() {
    return "ClientOptions{packetSize=" + packetSize + ", maxPacketsInFlight=" + maxPacketsInFlight
        + ", socketTimeoutMs=" + socketTimeoutMs + ", socketWriteTimeoutMs="
        + socketWriteTimeoutMs + " (+" + writeTimeoutExtensionMs + " per pipeline node)"
        + ", connectTimeoutMs=" + connectTimeoutMs
        + ", addBlockRetries=" + addBlockRetries + ", completeRetries=" + completeRetries
        + ", retryInitialDelayMs=" + retryInitialDelayMs + ", blockSetupRetries="
        + blockSetupRetries + ", pipelineRecoveryRetries=" + pipelineRecoveryRetries
        + ", leaseRenewIntervalMs=" + leaseRenewIntervalMs + ", readMaxAttempts="
        + readMaxAttempts + ", verifyChecksum=" + verifyChecksum + ", defaultBlockSize="
        + defaultBlockSize + ", defaultReplication=" + defaultReplication + "}";
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

    public ClientOptions build() { return new ClientOptions(this); }
  }
}
