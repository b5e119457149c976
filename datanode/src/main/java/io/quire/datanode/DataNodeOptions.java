package io.quire.datanode;

import static io.quire.protocol.QuireConfigKeys.BYTES_PER_CHECKSUM;

import io.quire.protocol.PoolSize;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.ha.Nameservice;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.net.NetUtils;

/** Immutable DataNode settings, read once from a {@link Configuration} at init and logged. */
public final class DataNodeOptions {
  private final List<File> dataDirs;
  private final InetSocketAddress bindAddress;
  private final InetSocketAddress httpAddress;
  private final String advertisedHost;
  private final List<InetSocketAddress> nameNodes;
  private final long heartbeatIntervalMs;
  private final long blockReportIntervalMs;
  private final int transferThreads;
  private final int maxPacketSize;
  private final long bufferBudget;
  private final int bufferWaitMs;
  private final int socketTimeoutMs;
  private final int socketWriteTimeoutMs;
  private final int writeTimeoutExtensionMs;
  private final int connectTimeoutMs;
  private final int socketBufferSize;
  private final long nameNodeRetryMaxMs;
  private final boolean syncOnClose;
  private final long syncBehindBytes;
  private final boolean blockTokenEnabled;
  private final long scanBytesPerSecond;
  private final long scanPeriodMs;
  private final long directoryScanIntervalMs;
  private final PoolSize commandThreads;

  private DataNodeOptions(Configuration conf) {
    dataDirs = new ArrayList<>();
    for (String d : conf.getTrimmedStrings(DataNodeConfigKeys.DATA_DIR_KEY)) {
      dataDirs.add(new File(d));
    }
    if (dataDirs.isEmpty()) {
      throw new IllegalArgumentException(DataNodeConfigKeys.DATA_DIR_KEY + " is not set");
    }
    bindAddress = NetUtils.createSocketAddr(conf.getTrimmed(DataNodeConfigKeys.ADDRESS_KEY,
        DataNodeConfigKeys.ADDRESS_DEFAULT), 0, DataNodeConfigKeys.ADDRESS_KEY);
    // Unset: the default, or any free port when the data port is one (tests, several per host).
    httpAddress = NetUtils.createSocketAddr(conf.getTrimmed(DataNodeConfigKeys.HTTP_ADDRESS_KEY,
        bindAddress.getPort() == 0 ? bindAddress.getHostString() + ":0"
            : DataNodeConfigKeys.HTTP_ADDRESS_DEFAULT), 0, DataNodeConfigKeys.HTTP_ADDRESS_KEY);
    String host = conf.getTrimmed(DataNodeConfigKeys.HOSTNAME_KEY,
        DataNodeConfigKeys.HOSTNAME_DEFAULT);
    advertisedHost = host.isEmpty() ? localHostName() : host;
    nameNodes = new ArrayList<>();
    Optional<Nameservice> ns = Nameservice.configured(conf);
    if (ns.isPresent()) {
      nameNodes.addAll(ns.get().rpcAddresses()); // every NameNode of the nameservice
    } else {
      for (String a : conf.getTrimmedStrings(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY)) {
        nameNodes.add(NetUtils.createSocketAddr(a, QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT,
            QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY));
      }
    }
    heartbeatIntervalMs = conf.getLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY,
        QuireConfigKeys.HEARTBEAT_INTERVAL_DEFAULT);
    blockReportIntervalMs = conf.getLong(DataNodeConfigKeys.BLOCKREPORT_INTERVAL_KEY,
        DataNodeConfigKeys.BLOCKREPORT_INTERVAL_DEFAULT);
    transferThreads = conf.getInt(DataNodeConfigKeys.TRANSFER_THREADS_KEY,
        DataNodeConfigKeys.TRANSFER_THREADS_DEFAULT);
    commandThreads = PoolSize.of(conf, DataNodeConfigKeys.COMMAND_THREADS_KEY, dataDirs.size());
    maxPacketSize = conf.getInt(DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY,
        DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_DEFAULT);
    bufferBudget = conf.getLongBytes(DataNodeConfigKeys.TRANSFER_BUFFER_BUDGET_KEY,
        DataNodeConfigKeys.TRANSFER_BUFFER_BUDGET_DEFAULT);
    bufferWaitMs = conf.getInt(DataNodeConfigKeys.TRANSFER_BUFFER_WAIT_KEY,
        DataNodeConfigKeys.TRANSFER_BUFFER_WAIT_DEFAULT);
    socketTimeoutMs = conf.getInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY,
        DataNodeConfigKeys.SOCKET_TIMEOUT_DEFAULT);
    socketWriteTimeoutMs = conf.getInt(DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_KEY,
        DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_DEFAULT);
    writeTimeoutExtensionMs = conf.getInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY,
        QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_DEFAULT);
    connectTimeoutMs = conf.getInt(DataNodeConfigKeys.CONNECT_TIMEOUT_KEY,
        DataNodeConfigKeys.CONNECT_TIMEOUT_DEFAULT);
    socketBufferSize = conf.getInt(DataNodeConfigKeys.SOCKET_BUFFER_SIZE_KEY,
        DataNodeConfigKeys.SOCKET_BUFFER_SIZE_DEFAULT);
    nameNodeRetryMaxMs = conf.getLong(DataNodeConfigKeys.NAMENODE_RETRY_MAX_KEY,
        DataNodeConfigKeys.NAMENODE_RETRY_MAX_DEFAULT);
    syncOnClose = conf.getBoolean(DataNodeConfigKeys.SYNC_ON_CLOSE_KEY,
        DataNodeConfigKeys.SYNC_ON_CLOSE_DEFAULT);
    syncBehindBytes = conf.getLong(DataNodeConfigKeys.SYNC_BEHIND_BYTES_KEY,
        DataNodeConfigKeys.SYNC_BEHIND_BYTES_DEFAULT);
    blockTokenEnabled = conf.getBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY,
        QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_DEFAULT);
    scanBytesPerSecond = conf.getLong(DataNodeConfigKeys.SCAN_BYTES_PER_SECOND_KEY,
        DataNodeConfigKeys.SCAN_BYTES_PER_SECOND_DEFAULT);
    scanPeriodMs = conf.getLong(DataNodeConfigKeys.SCAN_PERIOD_KEY,
        DataNodeConfigKeys.SCAN_PERIOD_DEFAULT);
    directoryScanIntervalMs = conf.getLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY,
        DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_DEFAULT);
    if (heartbeatIntervalMs <= 0 || blockReportIntervalMs <= 0 || transferThreads <= 0
        || socketTimeoutMs < 0 || socketWriteTimeoutMs < 0 || writeTimeoutExtensionMs < 0
        || connectTimeoutMs < 0 || socketBufferSize <= 0 || syncBehindBytes < 0
        || scanBytesPerSecond <= 0 || scanPeriodMs < 0 || directoryScanIntervalMs < 0) {
      throw new IllegalArgumentException("DataNode intervals, rates, thread counts and buffer sizes"
          + " must be positive (scan intervals may be 0): " + this);
    }
    if (maxPacketSize < BYTES_PER_CHECKSUM || maxPacketSize > DataTransferProtocol.MAX_PACKET_DATA
        || bufferWaitMs < 0) {
      throw new IllegalArgumentException(DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY
          + " must be in [" + BYTES_PER_CHECKSUM + ", " + DataTransferProtocol.MAX_PACKET_DATA
          + "] and " + DataNodeConfigKeys.TRANSFER_BUFFER_WAIT_KEY + " >= 0: " + this);
    }
    if (bufferBudget < PacketHeader.SIZE + PacketHeader.checksumLenFor(maxPacketSize)
        + maxPacketSize) {
      throw new IllegalArgumentException(DataNodeConfigKeys.TRANSFER_BUFFER_BUDGET_KEY + " ("
          + bufferBudget + ") must hold at least one packet of "
          + DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY + " (" + maxPacketSize + ")");
    }
  }

  /** Reads and validates the DataNode's settings; fails on a missing data directory list. */
  public static DataNodeOptions from(Configuration conf) {
    return new DataNodeOptions(conf);
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  public List<File> getDataDirs() { return List.copyOf(dataDirs); }
  public InetSocketAddress getBindAddress() { return bindAddress; }
  /** Where the HTTP server (web UI) binds. */
  public InetSocketAddress getHttpAddress() { return httpAddress; }
  public String getAdvertisedHost() { return advertisedHost; }
  public List<InetSocketAddress> getNameNodes() { return List.copyOf(nameNodes); }
  public long getHeartbeatIntervalMs() { return heartbeatIntervalMs; }
  public long getBlockReportIntervalMs() { return blockReportIntervalMs; }
  public int getTransferThreads() { return transferThreads; }
  /** Threads for re-replication and block recovery commands (sized by the machine if unset). */
  public PoolSize getCommandThreads() { return commandThreads; }
  /** Largest data part of a packet accepted from a peer. */
  public int getMaxPacketSize() { return maxPacketSize; }
  /** Bytes of packet buffers all transfers together may hold. */
  public long getBufferBudget() { return bufferBudget; }
  /** How long a transfer waits for buffer room before it is refused. */
  public int getBufferWaitMs() { return bufferWaitMs; }
  public int getSocketTimeoutMs() { return socketTimeoutMs; }
  public int getSocketWriteTimeoutMs() { return socketWriteTimeoutMs; }
  public int getWriteTimeoutExtensionMs() { return writeTimeoutExtensionMs; }

  /**
   * Write timeout for a connection into a pipeline of {@code pipelineNodes} nodes (0 for a
   * reader or a single peer): the base plus one extension per node; 0 (no timeout) if the
   * base is 0.
   */
  public long writeTimeoutMs(int pipelineNodes) {
    return socketWriteTimeoutMs == 0 ? 0
        : socketWriteTimeoutMs + (long) writeTimeoutExtensionMs * pipelineNodes;
  }

  public int getConnectTimeoutMs() { return connectTimeoutMs; }
  public int getSocketBufferSize() { return socketBufferSize; }
  public long getNameNodeRetryMaxMs() { return nameNodeRetryMaxMs; }
  public boolean isSyncOnClose() { return syncOnClose; }
  /** Bytes between background forces of a replica being received; 0: none (or no sync on close). */
  public long getSyncBehindBytes() { return syncOnClose ? syncBehindBytes : 0; }
  /**
   * Whether data-transfer ops need a valid block access token (quire.block.access.token.enable).
   */
  public boolean isBlockTokenEnabled() { return blockTokenEnabled; }
  public long getScanBytesPerSecond() { return scanBytesPerSecond; }
  public long getScanPeriodMs() { return scanPeriodMs; }
  public long getDirectoryScanIntervalMs() { return directoryScanIntervalMs; }

  @Override public String toString() {
    return "DataNodeOptions{dataDirs=" + dataDirs + ", bind=" + bindAddress
        + ", http=" + httpAddress
        + ", host=" + advertisedHost + ", nameNodes=" + nameNodes
        + ", heartbeatMs=" + heartbeatIntervalMs + ", blockReportMs=" + blockReportIntervalMs
        + ", transferThreads=" + transferThreads + ", commandThreads=" + commandThreads.threads()
        + ", maxPacketSize=" + maxPacketSize
        + ", bufferBudget=" + bufferBudget + ", bufferWaitMs=" + bufferWaitMs
        + ", socketTimeoutMs=" + socketTimeoutMs
        + ", socketWriteTimeoutMs=" + socketWriteTimeoutMs + " (+" + writeTimeoutExtensionMs
        + " per pipeline node)"
        + ", connectTimeoutMs=" + connectTimeoutMs + ", socketBuffer=" + socketBufferSize
        + ", nnRetryMaxMs=" + nameNodeRetryMaxMs + ", syncOnClose=" + syncOnClose
        + ", syncBehindBytes=" + syncBehindBytes
        + ", blockTokens=" + blockTokenEnabled
        + ", scanBytesPerSecond=" + scanBytesPerSecond + ", scanPeriodMs=" + scanPeriodMs
        + ", directoryScanIntervalMs=" + directoryScanIntervalMs + "}";
  }
}
