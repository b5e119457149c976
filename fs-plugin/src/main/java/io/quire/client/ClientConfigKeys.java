package io.quire.client;

import io.quire.protocol.QuireConfigKeys;

/**
 * Configuration keys of the Quire client, each next to its typed default and one line of
 * documentation. They are read once, at the edge, into an immutable {@link ClientOptions}.
 */
public final class ClientConfigKeys {
  private ClientConfigKeys() {}

  /**
   * Data bytes per write packet (a multiple of 512, at most the protocol's 4 MiB; DataNodes
   * refuse packets above their {@code quire.datanode.transfer.max-packet-size}).
   */
  public static final String PACKET_SIZE_KEY = QuireConfigKeys.PACKET_SIZE_KEY;
  public static final int PACKET_SIZE_DEFAULT = QuireConfigKeys.PACKET_SIZE_DEFAULT;

  /** Packets queued or awaiting acknowledgement per output stream before write() blocks. */
  public static final String MAX_PACKETS_IN_FLIGHT_KEY = "quire.client.write.max-packets-in-flight";
  public static final int MAX_PACKETS_IN_FLIGHT_DEFAULT = 80;

  /** Read timeout of data-transfer sockets, in milliseconds. */
  public static final String SOCKET_TIMEOUT_KEY = "quire.client.socket.timeout.ms";
  public static final int SOCKET_TIMEOUT_DEFAULT = 60_000;

  /**
   * Write timeout of data-transfer sockets, in milliseconds: a send (one packet) that has not
   * completed after this long (the DataNode stopped reading) fails, and a write pipeline is
   * recovered without that node; 0 waits forever. Pipelines get
   * {@link io.quire.protocol.QuireConfigKeys#WRITE_TIMEOUT_EXTENSION_KEY} more per node, so the
   * DataNode next to a stalled one gives up before the client does. HDFS's default (its
   * dfs.datanode.socket.write.timeout, which its client uses too).
   */
  public static final String SOCKET_WRITE_TIMEOUT_KEY = "quire.client.socket.write-timeout.ms";
  public static final int SOCKET_WRITE_TIMEOUT_DEFAULT = 8 * 60_000;

  /** Connect timeout of data-transfer sockets, in milliseconds. */
  public static final String CONNECT_TIMEOUT_KEY = "quire.client.socket.connect-timeout.ms";
  public static final int CONNECT_TIMEOUT_DEFAULT = 10_000;

  /** Attempts of addBlock while the NameNode answers NotReplicatedYetException. */
  public static final String ADD_BLOCK_RETRIES_KEY = "quire.client.write.add-block.retries";
  public static final int ADD_BLOCK_RETRIES_DEFAULT = 10;

  /** Attempts of complete() while the last block lacks its minimum replicas. */
  public static final String COMPLETE_RETRIES_KEY = "quire.client.write.complete.retries";
  public static final int COMPLETE_RETRIES_DEFAULT = 12;

  /** First back-off of addBlock and complete retries (doubles, capped at 2 s), in ms. */
  public static final String RETRY_INITIAL_DELAY_KEY = "quire.client.write.retry-initial-delay.ms";
  public static final long RETRY_INITIAL_DELAY_DEFAULT = 10;

  /** New blocks tried (abandoning those whose pipeline cannot be set up) before a write fails. */
  public static final String BLOCK_SETUP_RETRIES_KEY = "quire.client.write.block-setup.retries";
  public static final int BLOCK_SETUP_RETRIES_DEFAULT = 3;

  /** Pipeline recoveries allowed per block before a write fails. */
  public static final String PIPELINE_RECOVERY_RETRIES_KEY =
      "quire.client.write.pipeline-recovery.retries";
  public static final int PIPELINE_RECOVERY_RETRIES_DEFAULT = 5;

  /** Milliseconds between lease renewals while files are open for writing. */
  public static final String LEASE_RENEW_INTERVAL_KEY = "quire.client.lease.renew-interval.ms";
  public static final long LEASE_RENEW_INTERVAL_DEFAULT = 20_000;

  /** Rounds over all replicas (re-fetching locations between rounds) before a read fails. */
  public static final String READ_MAX_ATTEMPTS_KEY = "quire.client.read.max-attempts";
  public static final int READ_MAX_ATTEMPTS_DEFAULT = 3;

  /** Whether readers verify CRC32C checksums (FileSystem.setVerifyChecksum overrides). */
  public static final String VERIFY_CHECKSUM_KEY = "quire.client.read.verify-checksum";
  public static final boolean VERIFY_CHECKSUM_DEFAULT = true;

  /** Failovers (or retries of the same NameNode) before a NameNode call fails. */
  public static final String FAILOVER_MAX_ATTEMPTS_KEY = "quire.client.failover.max-attempts";
  public static final int FAILOVER_MAX_ATTEMPTS_DEFAULT = 50;

  /**
   * Base back-off between failovers, in milliseconds (doubled per failover, randomized). The
   * first failover is immediate; a StandbyException naming the active goes straight there.
   * Small, because a planned failover takes the NameNodes 40-50 ms: with 50 the clients'
   * back-off made the pause about 400 ms (bench --suite ha), with 10 about 100 ms.
   */
  public static final String FAILOVER_SLEEP_BASE_KEY = "quire.client.failover.sleep-base.ms";
  public static final long FAILOVER_SLEEP_BASE_DEFAULT = 10;

  /**
   * Largest back-off between failovers, in milliseconds (randomized by up to 50%): a client
   * waiting for a new active looks at least this often, so it resumes within about this much
   * of the takeover. With the base and attempts defaults, clients keep trying for about 25 s.
   */
  public static final String FAILOVER_SLEEP_MAX_KEY = "quire.client.failover.sleep-max.ms";
  public static final long FAILOVER_SLEEP_MAX_DEFAULT = 500;

  /**
   * Longest wait for a NameNode's answer before the call fails over (ipc.client.rpc-timeout.ms
   * on the NameNode proxies): a frozen NameNode costs at most this. 0 waits forever.
   */
  public static final String NAMENODE_RPC_TIMEOUT_KEY = "quire.client.namenode.rpc-timeout.ms";
  public static final int NAMENODE_RPC_TIMEOUT_DEFAULT = 15_000;

  /**
   * Value of ipc.client.connect.max.retries (and .on.timeouts) on the configuration copy used
   * for NameNode proxies, so a dead NameNode does not delay failover: 0, as HDFS's
   * dfs.client.failover.connection.retries (a refused connection fails over at once; the
   * failover back-off, not Hadoop's 1 s connect-retry wait, paces the next try).
   */
  public static final String IPC_CONNECT_RETRIES_KEY = "quire.client.failover.ipc-connect-retries";
  public static final int IPC_CONNECT_RETRIES_DEFAULT = 0;
}
