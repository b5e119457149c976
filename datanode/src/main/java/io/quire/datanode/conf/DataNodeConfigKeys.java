package io.quire.datanode.conf;

import io.quire.protocol.datatransfer.DataTransferProtocol;

/**
 * Configuration keys of the DataNode, each next to its typed default and one line of doc.
 * They are read once into {@link DataNodeOptions}. The NameNode list comes from the shared key
 * {@link io.quire.protocol.QuireConfigKeys#NAMENODE_RPC_ADDRESS_KEY} (comma-separated; the
 * DataNode talks to each) and the heartbeat interval from
 * {@link io.quire.protocol.QuireConfigKeys#HEARTBEAT_INTERVAL_KEY}.
 */
public final class DataNodeConfigKeys {
  private DataNodeConfigKeys() {}

  /** Comma-separated local directories holding block storage. Required. */
  public static final String DATA_DIR_KEY = "quire.datanode.data.dir";

  /** host:port the data-transfer server binds to; port 0 picks a free port. */
  public static final String ADDRESS_KEY = "quire.datanode.address";
  public static final String ADDRESS_DEFAULT = "0.0.0.0:8710";

  /**
   * host:port of the DataNode's HTTP server (web UI, /jmx, /prom, ...); port 0 picks a free
   * port. Next to the data port as the NameNode's HTTP port (8721) is next to its RPC port.
   * Unset while {@link #ADDRESS_KEY} has port 0: a free port too.
   */
  public static final String HTTP_ADDRESS_KEY = "quire.datanode.http-address";
  public static final String HTTP_ADDRESS_DEFAULT = "0.0.0.0:8711";

  /** Host name advertised to NameNodes and clients; empty means the local host name. */
  public static final String HOSTNAME_KEY = "quire.datanode.hostname";
  public static final String HOSTNAME_DEFAULT = "";

  /** Milliseconds between full block reports to each NameNode. */
  public static final String BLOCKREPORT_INTERVAL_KEY = "quire.datanode.blockreport.interval.ms";
  public static final long BLOCKREPORT_INTERVAL_DEFAULT = 6L * 60 * 60 * 1000;

  /**
   * Maximum number of concurrent data-transfer connections; more are refused with an error.
   * Each connection (a pipeline stream, a read) has its own thread while it is open, so this is
   * a ceiling, not a pool sized by the machine: like HDFS's dfs.datanode.max.transfer.threads
   * (4096) it must stay above the streams a busy cluster opens to one DataNode at once, or
   * writers see refusals and pipeline recoveries.
   */
  public static final String TRANSFER_THREADS_KEY = "quire.datanode.transfer.threads";
  public static final int TRANSFER_THREADS_DEFAULT = 1024;

  /**
   * Threads carrying out the NameNodes' TRANSFER (re-replication) and RECOVER (block recovery)
   * commands; further commands queue. Unset: 2 x cores + data directories
   * ({@link io.quire.protocol.PoolSize}).
   */
  public static final String COMMAND_THREADS_KEY = "quire.datanode.command.threads";

  /**
   * Largest data part of a packet this DataNode accepts, in bytes; a header declaring more is
   * answered with an ERROR_INVALID ack and the connection closed. Default: the protocol's
   * maximum ({@link DataTransferProtocol#MAX_PACKET_DATA}), so
   * any client packet size works; lower it to bound what one connection may hold.
   */
  public static final String TRANSFER_MAX_PACKET_SIZE_KEY =
      "quire.datanode.transfer.max-packet-size";
  public static final int TRANSFER_MAX_PACKET_SIZE_DEFAULT = DataTransferProtocol.MAX_PACKET_DATA;

  /**
   * Bytes of packet buffers all data-transfer connections together may hold (writes and reads
   * alike). 256 MiB: about 3900 connections with the default 64 KiB packets, 60 with the
   * largest; without it 1024 connections could each be told to allocate 4 MiB.
   */
  public static final String TRANSFER_BUFFER_BUDGET_KEY = "quire.datanode.transfer.buffer-budget";
  public static final long TRANSFER_BUFFER_BUDGET_DEFAULT = 256L * 1024 * 1024;

  /**
   * Milliseconds a connection waits for packet buffer room within the budget before it is
   * refused (an ERROR ack, or an ERROR response before a read starts).
   */
  public static final String TRANSFER_BUFFER_WAIT_KEY = "quire.datanode.transfer.buffer-wait.ms";
  public static final int TRANSFER_BUFFER_WAIT_DEFAULT = 5_000;

  /** Read timeout of data-transfer sockets, in milliseconds. */
  public static final String SOCKET_TIMEOUT_KEY = "quire.datanode.socket.timeout.ms";
  public static final int SOCKET_TIMEOUT_DEFAULT = 60_000;

  /**
   * Write timeout of data-transfer sockets, in milliseconds: a write (one packet, ack or
   * response) that has not completed after this long (the peer stopped reading) fails and frees
   * the transfer thread; 0 waits forever.
   * Writes into a pipeline get
   * {@link io.quire.protocol.QuireConfigKeys#WRITE_TIMEOUT_EXTENSION_KEY} more per downstream
   * node. HDFS's dfs.datanode.socket.write.timeout, with its default: long
   * enough that a reader pausing between reads (a task processing records) rarely loses its
   * connection; a stalled pipeline is usually noticed sooner by the read timeout on its acks.
   */
  public static final String SOCKET_WRITE_TIMEOUT_KEY = "quire.datanode.socket.write-timeout.ms";
  public static final int SOCKET_WRITE_TIMEOUT_DEFAULT = 8 * 60_000;

  /** Connect timeout to downstream DataNodes, in milliseconds. */
  public static final String CONNECT_TIMEOUT_KEY = "quire.datanode.socket.connect-timeout.ms";
  public static final int CONNECT_TIMEOUT_DEFAULT = 10_000;

  /** Send and receive buffer size of data-transfer sockets, in bytes. */
  public static final String SOCKET_BUFFER_SIZE_KEY = "quire.datanode.socket.buffer-size";
  public static final int SOCKET_BUFFER_SIZE_DEFAULT = 512 * 1024;

  /**
   * Whether a finalized replica is durable before the last ack: its block and meta file are
   * forced to disk and, after the move into {@code finalized/}, the directories involved are
   * fsynced (durable on close). false matches HDFS's default (dfs.datanode.synconclose):
   * nothing is forced on close, the data and the move are only as durable as the page cache
   * until the OS writes them (a move cut short is completed at the next start); hsync still
   * forces the data.
   */
  public static final String SYNC_ON_CLOSE_KEY = "quire.datanode.sync-on-close";
  public static final boolean SYNC_ON_CLOSE_DEFAULT = true;

  /**
   * With sync on close: bytes of a replica received between background forces of its files,
   * so the disk writes the block back during the transfer and the force before the last ack
   * has only the tail left (HDFS's dfs.datanode.sync.behind.writes, in bytes). 0: none, the
   * whole block is forced on close.
   */
  public static final String SYNC_BEHIND_BYTES_KEY = "quire.datanode.sync-behind.bytes";
  public static final long SYNC_BEHIND_BYTES_DEFAULT = 8L * 1024 * 1024;

  /** Largest back-off between retries when a NameNode is unreachable, in milliseconds. */
  public static final String NAMENODE_RETRY_MAX_KEY = "quire.datanode.namenode.retry.max.ms";
  public static final long NAMENODE_RETRY_MAX_DEFAULT = 10_000;

  /** Block scanner read rate in bytes per second (HDFS: 1 MB/s per volume). */
  public static final String SCAN_BYTES_PER_SECOND_KEY = "quire.datanode.scan.bytes-per-second";
  public static final long SCAN_BYTES_PER_SECOND_DEFAULT = 1024L * 1024;

  /**
   * How often the block scanner re-verifies every finalized replica, in milliseconds; 0 scans
   * only when triggered (HDFS: dfs.datanode.scan.period.hours, 3 weeks).
   */
  public static final String SCAN_PERIOD_KEY = "quire.datanode.scan.period.ms";
  public static final long SCAN_PERIOD_DEFAULT = 21L * 24 * 60 * 60 * 1000;

  /**
   * Milliseconds between directory scans comparing the replica map with the disk; 0 scans only
   * when triggered (HDFS: dfs.datanode.directoryscan.interval, 6 hours).
   */
  public static final String DIRECTORYSCAN_INTERVAL_KEY =
      "quire.datanode.directoryscan.interval.ms";
  public static final long DIRECTORYSCAN_INTERVAL_DEFAULT = 6L * 60 * 60 * 1000;
}
