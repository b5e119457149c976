package io.quire.namenode.conf;

import static io.quire.namenode.conf.NameNodeConfigKeys.*;

import io.quire.protocol.PoolSize;
import io.quire.protocol.QuireConfigKeys;
import java.io.File;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.net.NetUtils;

/**
 * The NameNode's effective configuration, read once from a Hadoop Configuration. Immutable.
 * The RPC handler count is sized by the machine when unset ({@link PoolSize}: 2 x cores + the
 * one name directory).
 *
 * @param httpAddress where the HTTP server (web UI, /image) binds; unset: the RPC host on the
 *     default HTTP port, or any free port when RPC binds one
 * @param packetSize the write packet size the NameNode advertises in its server defaults
 * @param replication the replication monitor's limits
 */
public record NameNodeOptions(
    File nameDir,
    InetSocketAddress rpcAddress,
    String rpcBindHost,
    PoolSize handlers,
    long defaultBlockSize,
    short defaultReplication,
    long minBlockSize,
    int maxReplication,
    int minReplication,
    int listLimit,
    boolean permissionsEnabled,
    String superGroup,
    long leaseSoftLimitMs,
    long leaseHardLimitMs,
    long monitorIntervalMs,
    long heartbeatIntervalMs,
    long heartbeatStaleMs,
    long heartbeatExpireMs,
    float safeModeThreshold,
    int safeModeMinDataNodes,
    long safeModeExtensionMs,
    long checkpointPeriodMs,
    long checkpointTxns,
    long checkpointCheckPeriodMs,
    int checkpointsRetained,
    float retryCacheHeapPercent,
    long retryCacheExpiryMs,
    int maxComponentLength,
    int maxDirectoryItems,
    int maxPathDepth,
    int maxPathLength,
    long clientHostResolveTimeoutMs,
    int clientHostCacheSize,
    long clientHostCacheExpiryMs,
    boolean aclsEnabled,
    int maxXAttrsPerInode,
    int maxXAttrSize,
    InetSocketAddress httpAddress,
    int packetSize,
    ReplicationOptions replication) {

  /** Refuses limits outside their ranges, naming the key. */
  public NameNodeOptions {
    check(maxComponentLength >= 0, FS_LIMITS_MAX_COMPONENT_LENGTH_KEY, maxComponentLength,
        "0 (no limit) or more");
    check(maxDirectoryItems >= 1 && maxDirectoryItems <= FS_LIMITS_MAX_DIRECTORY_ITEMS_CEILING,
        FS_LIMITS_MAX_DIRECTORY_ITEMS_KEY, maxDirectoryItems,
        "1 to " + FS_LIMITS_MAX_DIRECTORY_ITEMS_CEILING);
    check(maxPathDepth >= 1, FS_LIMITS_MAX_PATH_DEPTH_KEY, maxPathDepth, "1 or more");
    check(maxPathLength >= 1, FS_LIMITS_MAX_PATH_LENGTH_KEY, maxPathLength, "1 or more");
    check(clientHostResolveTimeoutMs >= 0, CLIENT_HOST_RESOLVE_TIMEOUT_KEY,
        clientHostResolveTimeoutMs, "0 or more");
    check(clientHostCacheSize >= 0, CLIENT_HOST_CACHE_SIZE_KEY, clientHostCacheSize,
        "0 or more");
    check(maxXAttrsPerInode >= 0, FS_LIMITS_MAX_XATTRS_PER_INODE_KEY, maxXAttrsPerInode,
        "0 or more");
    check(maxXAttrSize >= 1 && maxXAttrSize <= FS_LIMITS_MAX_XATTR_SIZE_CEILING,
        FS_LIMITS_MAX_XATTR_SIZE_KEY, maxXAttrSize, "1 to " + FS_LIMITS_MAX_XATTR_SIZE_CEILING);
    check(clientHostCacheExpiryMs >= 0, CLIENT_HOST_CACHE_EXPIRY_KEY, clientHostCacheExpiryMs,
        "0 or more");
  }

  /** Number of IPC handler threads. */
  public int handlerCount() {
    return handlers.threads();
  }

  private static void check(boolean ok, String key, long value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(key + " = " + value + ": must be " + range);
    }
  }

  /** Directories a NameNode writes: its name directory (journal and checkpoints). */
  private static final int NAME_DIRECTORIES = 1;

  /** Reads every NameNode key once; missing ones take their default. */
  public static NameNodeOptions from(Configuration c) {
    String addr = c.getTrimmed(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY,
        "0.0.0.0:" + QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT);
    InetSocketAddress rpc = NetUtils.createSocketAddr(addr.split(",")[0].trim(),
        QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT, QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY);
    // Unset: the RPC host on the default HTTP port, or any free port when RPC binds one.
    int defaultHttpPort = rpc.getPort() == 0 ? 0 : QuireConfigKeys.NAMENODE_HTTP_PORT_DEFAULT;
    InetSocketAddress http = NetUtils.createSocketAddr(c.getTrimmed(
        QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY, rpc.getHostString() + ":" + defaultHttpPort),
        defaultHttpPort, QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY);
    long heartbeat = c.getLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY,
        QuireConfigKeys.HEARTBEAT_INTERVAL_DEFAULT);
    return new NameNodeOptions(
        new File(c.getTrimmed(NAME_DIR_KEY, NAME_DIR_DEFAULT)),
        rpc,
        c.getTrimmed(RPC_BIND_HOST_KEY, rpc.getHostString()),
        PoolSize.of(c, HANDLER_COUNT_KEY, NAME_DIRECTORIES),
        c.getLongBytes(QuireConfigKeys.BLOCK_SIZE_KEY, QuireConfigKeys.BLOCK_SIZE_DEFAULT),
        (short) c.getInt(QuireConfigKeys.REPLICATION_KEY, QuireConfigKeys.REPLICATION_DEFAULT),
        c.getLongBytes(MIN_BLOCK_SIZE_KEY, MIN_BLOCK_SIZE_DEFAULT),
        c.getInt(MAX_REPLICATION_KEY, MAX_REPLICATION_DEFAULT),
        c.getInt(MIN_REPLICATION_KEY, MIN_REPLICATION_DEFAULT),
        c.getInt(LIST_LIMIT_KEY, LIST_LIMIT_DEFAULT),
        c.getBoolean(QuireConfigKeys.PERMISSIONS_ENABLED_KEY,
            QuireConfigKeys.PERMISSIONS_ENABLED_DEFAULT),
        c.getTrimmed(QuireConfigKeys.SUPERGROUP_KEY, QuireConfigKeys.SUPERGROUP_DEFAULT),
        c.getLong(LEASE_SOFT_LIMIT_KEY, LEASE_SOFT_LIMIT_DEFAULT),
        c.getLong(LEASE_HARD_LIMIT_KEY, LEASE_HARD_LIMIT_DEFAULT),
        c.getLong(MONITOR_INTERVAL_KEY, MONITOR_INTERVAL_DEFAULT),
        heartbeat,
        c.getLong(HEARTBEAT_STALE_KEY, HEARTBEAT_STALE_DEFAULT_INTERVALS * heartbeat),
        c.getLong(HEARTBEAT_EXPIRE_KEY, 2 * HEARTBEAT_RECHECK_DEFAULT + 10 * heartbeat),
        c.getFloat(SAFEMODE_THRESHOLD_KEY, SAFEMODE_THRESHOLD_DEFAULT),
        c.getInt(SAFEMODE_MIN_DATANODES_KEY, SAFEMODE_MIN_DATANODES_DEFAULT),
        c.getLong(SAFEMODE_EXTENSION_KEY, SAFEMODE_EXTENSION_DEFAULT),
        c.getLong(CHECKPOINT_PERIOD_KEY, CHECKPOINT_PERIOD_DEFAULT),
        c.getLong(CHECKPOINT_TXNS_KEY, CHECKPOINT_TXNS_DEFAULT),
        c.getLong(CHECKPOINT_CHECK_PERIOD_KEY, CHECKPOINT_CHECK_PERIOD_DEFAULT),
        c.getInt(CHECKPOINT_RETAINED_KEY, CHECKPOINT_RETAINED_DEFAULT),
        c.getFloat(RETRY_CACHE_HEAP_PERCENT_KEY, RETRY_CACHE_HEAP_PERCENT_DEFAULT),
        c.getLong(RETRY_CACHE_EXPIRY_KEY, RETRY_CACHE_EXPIRY_DEFAULT),
        c.getInt(FS_LIMITS_MAX_COMPONENT_LENGTH_KEY, FS_LIMITS_MAX_COMPONENT_LENGTH_DEFAULT),
        c.getInt(FS_LIMITS_MAX_DIRECTORY_ITEMS_KEY, FS_LIMITS_MAX_DIRECTORY_ITEMS_DEFAULT),
        c.getInt(FS_LIMITS_MAX_PATH_DEPTH_KEY, FS_LIMITS_MAX_PATH_DEPTH_DEFAULT),
        c.getInt(FS_LIMITS_MAX_PATH_LENGTH_KEY, FS_LIMITS_MAX_PATH_LENGTH_DEFAULT),
        c.getLong(CLIENT_HOST_RESOLVE_TIMEOUT_KEY, CLIENT_HOST_RESOLVE_TIMEOUT_DEFAULT),
        c.getInt(CLIENT_HOST_CACHE_SIZE_KEY, CLIENT_HOST_CACHE_SIZE_DEFAULT),
        c.getLong(CLIENT_HOST_CACHE_EXPIRY_KEY, CLIENT_HOST_CACHE_EXPIRY_DEFAULT),
        c.getBoolean(ACLS_ENABLED_KEY, ACLS_ENABLED_DEFAULT),
        c.getInt(FS_LIMITS_MAX_XATTRS_PER_INODE_KEY, FS_LIMITS_MAX_XATTRS_PER_INODE_DEFAULT),
        c.getInt(FS_LIMITS_MAX_XATTR_SIZE_KEY, FS_LIMITS_MAX_XATTR_SIZE_DEFAULT),
        http,
        c.getInt(QuireConfigKeys.PACKET_SIZE_KEY, QuireConfigKeys.PACKET_SIZE_DEFAULT),
        ReplicationOptions.from(c));
  }
}
