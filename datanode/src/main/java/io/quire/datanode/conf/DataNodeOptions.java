package io.quire.datanode.conf;

import static io.quire.datanode.conf.DataNodeConfigKeys.*;
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

/**
 * The DataNode's effective configuration, read once from a Hadoop Configuration
 * ({@link #from}) at init and logged at start. Immutable; every key and default lives in
 * {@link DataNodeConfigKeys} or the shared {@link QuireConfigKeys}.
 *
 * @param dataDirs the storage directories (at least one)
 * @param bindAddress where the data-transfer server binds
 * @param httpAddress where the HTTP server (web UI) binds
 * @param advertisedHost the host name the DataNode registers with
 * @param nameNodes every NameNode it reports to (all members of a nameservice)
 * @param commandThreads threads for re-replication and block recovery commands (sized by the
 *     machine when unset)
 * @param maxPacketSize largest data part of a packet accepted from a peer
 * @param bufferBudget bytes of packet buffers all transfers together may hold
 * @param bufferWaitMs how long a transfer waits for buffer room before it is refused
 * @param syncBehindBytes bytes between background forces of a replica being received; 0: none
 *     (always 0 without sync on close)
 * @param blockTokenEnabled whether data-transfer ops need a valid block access token
 *     (quire.block.access.token.enable)
 */
public record DataNodeOptions(
    List<File> dataDirs,
    InetSocketAddress bindAddress,
    InetSocketAddress httpAddress,
    String advertisedHost,
    List<InetSocketAddress> nameNodes,
    long heartbeatIntervalMs,
    long blockReportIntervalMs,
    int transferThreads,
    PoolSize commandThreads,
    int maxPacketSize,
    long bufferBudget,
    int bufferWaitMs,
    int socketTimeoutMs,
    int socketWriteTimeoutMs,
    int writeTimeoutExtensionMs,
    int connectTimeoutMs,
    int socketBufferSize,
    long nameNodeRetryMaxMs,
    boolean syncOnClose,
    long syncBehindBytes,
    boolean blockTokenEnabled,
    long scanBytesPerSecond,
    long scanPeriodMs,
    long directoryScanIntervalMs) {

  /** Refuses values outside their ranges, naming the key. */
  public DataNodeOptions {
    dataDirs = List.copyOf(dataDirs);
    nameNodes = List.copyOf(nameNodes);
    if (dataDirs.isEmpty()) {
      throw new IllegalArgumentException(DATA_DIR_KEY + " is not set: name at least one"
          + " storage directory");
    }
    check(heartbeatIntervalMs > 0, QuireConfigKeys.HEARTBEAT_INTERVAL_KEY, heartbeatIntervalMs,
        "positive");
    check(blockReportIntervalMs > 0, BLOCKREPORT_INTERVAL_KEY, blockReportIntervalMs,
        "positive");
    check(transferThreads > 0, TRANSFER_THREADS_KEY, transferThreads, "positive");
    check(socketTimeoutMs >= 0, SOCKET_TIMEOUT_KEY, socketTimeoutMs, "0 or more");
    check(socketWriteTimeoutMs >= 0, SOCKET_WRITE_TIMEOUT_KEY, socketWriteTimeoutMs,
        "0 or more");
    check(writeTimeoutExtensionMs >= 0, QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY,
        writeTimeoutExtensionMs, "0 or more");
    check(connectTimeoutMs >= 0, CONNECT_TIMEOUT_KEY, connectTimeoutMs, "0 or more");
    check(socketBufferSize > 0, SOCKET_BUFFER_SIZE_KEY, socketBufferSize, "positive");
    check(syncBehindBytes >= 0, SYNC_BEHIND_BYTES_KEY, syncBehindBytes, "0 or more");
    check(scanBytesPerSecond > 0, SCAN_BYTES_PER_SECOND_KEY, scanBytesPerSecond, "positive");
    check(scanPeriodMs >= 0, SCAN_PERIOD_KEY, scanPeriodMs, "0 or more");
    check(directoryScanIntervalMs >= 0, DIRECTORYSCAN_INTERVAL_KEY, directoryScanIntervalMs,
        "0 or more");
    check(maxPacketSize >= BYTES_PER_CHECKSUM
        && maxPacketSize <= DataTransferProtocol.MAX_PACKET_DATA, TRANSFER_MAX_PACKET_SIZE_KEY,
        maxPacketSize, BYTES_PER_CHECKSUM + " to " + DataTransferProtocol.MAX_PACKET_DATA);
    check(bufferWaitMs >= 0, TRANSFER_BUFFER_WAIT_KEY, bufferWaitMs, "0 or more");
    long onePacket = PacketHeader.SIZE + PacketHeader.checksumLenFor(maxPacketSize)
        + maxPacketSize;
    check(bufferBudget >= onePacket, TRANSFER_BUFFER_BUDGET_KEY, bufferBudget,
        "at least one packet of " + TRANSFER_MAX_PACKET_SIZE_KEY + " (" + onePacket + ")");
    if (!syncOnClose) {
      syncBehindBytes = 0;
    }
  }

  /** Reads and validates the DataNode's settings; fails on a missing data directory list. */
  public static DataNodeOptions from(Configuration conf) {
    List<File> dirs = new ArrayList<>();
    for (String d : conf.getTrimmedStrings(DATA_DIR_KEY)) {
      dirs.add(new File(d));
    }
    InetSocketAddress bind = NetUtils.createSocketAddr(
        conf.getTrimmed(ADDRESS_KEY, ADDRESS_DEFAULT), 0, ADDRESS_KEY);
    // Unset: the default, or any free port when the data port is one (tests, several per host).
    InetSocketAddress http = NetUtils.createSocketAddr(conf.getTrimmed(HTTP_ADDRESS_KEY,
        bind.getPort() == 0 ? bind.getHostString() + ":0" : HTTP_ADDRESS_DEFAULT), 0,
        HTTP_ADDRESS_KEY);
    String host = conf.getTrimmed(HOSTNAME_KEY, HOSTNAME_DEFAULT);
    return new DataNodeOptions(
        dirs,
        bind,
        http,
        host.isEmpty() ? localHostName() : host,
        nameNodes(conf),
        conf.getLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY,
            QuireConfigKeys.HEARTBEAT_INTERVAL_DEFAULT),
        conf.getLong(BLOCKREPORT_INTERVAL_KEY, BLOCKREPORT_INTERVAL_DEFAULT),
        conf.getInt(TRANSFER_THREADS_KEY, TRANSFER_THREADS_DEFAULT),
        PoolSize.of(conf, COMMAND_THREADS_KEY, Math.max(1, dirs.size())),
        conf.getInt(TRANSFER_MAX_PACKET_SIZE_KEY, TRANSFER_MAX_PACKET_SIZE_DEFAULT),
        conf.getLongBytes(TRANSFER_BUFFER_BUDGET_KEY, TRANSFER_BUFFER_BUDGET_DEFAULT),
        conf.getInt(TRANSFER_BUFFER_WAIT_KEY, TRANSFER_BUFFER_WAIT_DEFAULT),
        conf.getInt(SOCKET_TIMEOUT_KEY, SOCKET_TIMEOUT_DEFAULT),
        conf.getInt(SOCKET_WRITE_TIMEOUT_KEY, SOCKET_WRITE_TIMEOUT_DEFAULT),
        conf.getInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY,
            QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_DEFAULT),
        conf.getInt(CONNECT_TIMEOUT_KEY, CONNECT_TIMEOUT_DEFAULT),
        conf.getInt(SOCKET_BUFFER_SIZE_KEY, SOCKET_BUFFER_SIZE_DEFAULT),
        conf.getLong(NAMENODE_RETRY_MAX_KEY, NAMENODE_RETRY_MAX_DEFAULT),
        conf.getBoolean(SYNC_ON_CLOSE_KEY, SYNC_ON_CLOSE_DEFAULT),
        conf.getLong(SYNC_BEHIND_BYTES_KEY, SYNC_BEHIND_BYTES_DEFAULT),
        conf.getBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY,
            QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_DEFAULT),
        conf.getLong(SCAN_BYTES_PER_SECOND_KEY, SCAN_BYTES_PER_SECOND_DEFAULT),
        conf.getLong(SCAN_PERIOD_KEY, SCAN_PERIOD_DEFAULT),
        conf.getLong(DIRECTORYSCAN_INTERVAL_KEY, DIRECTORYSCAN_INTERVAL_DEFAULT));
  }

  /**
   * Write timeout for a connection into a pipeline of {@code pipelineNodes} nodes (0 for a
   * reader or a single peer): the base plus one extension per node; 0 (no timeout) if the
   * base is 0.
   */
  public long writeTimeoutMs(int pipelineNodes) {
    return socketWriteTimeoutMs == 0 ? 0
        : socketWriteTimeoutMs + (long) writeTimeoutExtensionMs * pipelineNodes;
  }

  /** Every NameNode of the configured nameservice, or the listed NameNode RPC addresses. */
  private static List<InetSocketAddress> nameNodes(Configuration conf) {
    Optional<Nameservice> ns = Nameservice.configured(conf);
    if (ns.isPresent()) {
      return ns.get().rpcAddresses();
    }
    List<InetSocketAddress> nns = new ArrayList<>();
    for (String a : conf.getTrimmedStrings(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY)) {
      nns.add(NetUtils.createSocketAddr(a, QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT,
          QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY));
    }
    return nns;
  }

  private static void check(boolean ok, String key, long value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(key + " = " + value + ": must be " + range);
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
