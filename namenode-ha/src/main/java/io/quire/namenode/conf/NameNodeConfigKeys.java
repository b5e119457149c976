package io.quire.namenode.conf;

/**
 * Configuration keys of the NameNode, each next to its typed default and a line of doc. Read
 * once into {@link NameNodeOptions}. Shared keys (RPC address, block size, replication,
 * heartbeat interval, permissions) are in {@link io.quire.protocol.QuireConfigKeys}.
 */
public final class NameNodeConfigKeys {
  private NameNodeConfigKeys() {}

  /** Directory holding the NameNode's journal and checkpoints (created by -format). */
  public static final String NAME_DIR_KEY = "quire.namenode.name.dir";
  public static final String NAME_DIR_DEFAULT = "/tmp/quire/name";

  /**
   * Host the RPC server binds to (e.g. 0.0.0.0); unset = the host of quire.namenode.rpc-address
   * (whose port, 0 = ephemeral, is the bound port).
   */
  public static final String RPC_BIND_HOST_KEY = "quire.namenode.rpc-bind-host";

  /**
   * Number of IPC handler threads; unset: 2 x cores + 1 (the name directory), see
   * {@link io.quire.protocol.PoolSize}. Handlers do not wait for journal syncs (answers to
   * mutations are held until their records are durable), so a few per core keep up.
   */
  public static final String HANDLER_COUNT_KEY = "quire.namenode.handler.count";

  /** Smallest block size a client may ask for (tests lower it). */
  public static final String MIN_BLOCK_SIZE_KEY = "quire.namenode.min-block-size";
  public static final long MIN_BLOCK_SIZE_DEFAULT = 1024 * 1024;

  /** Largest replication a client may ask for. */
  public static final String MAX_REPLICATION_KEY = "quire.namenode.replication.max";
  public static final int MAX_REPLICATION_DEFAULT = 512;

  /** Replicas a block needs before complete() succeeds and safe mode counts it. */
  public static final String MIN_REPLICATION_KEY = "quire.namenode.replication.min";
  public static final int MIN_REPLICATION_DEFAULT = 1;

  /** Entries per getListing page. */
  public static final String LIST_LIMIT_KEY = "quire.namenode.list.limit";
  public static final int LIST_LIMIT_DEFAULT = 1000;

  /** A lease older than this may be taken over by another client's create/append. */
  public static final String LEASE_SOFT_LIMIT_KEY = "quire.namenode.lease.soft-limit.ms";
  public static final long LEASE_SOFT_LIMIT_DEFAULT = 60_000;

  /** A lease older than this is recovered by the NameNode (its files closed). */
  public static final String LEASE_HARD_LIMIT_KEY = "quire.namenode.lease.hard-limit.ms";
  public static final long LEASE_HARD_LIMIT_DEFAULT = 20 * 60_000;

  /** How often the lease, heartbeat and replication monitors run. */
  public static final String MONITOR_INTERVAL_KEY = "quire.namenode.monitor.interval.ms";
  public static final long MONITOR_INTERVAL_DEFAULT = 1000;

  /**
   * A DataNode silent this long is stale (placement avoids it). Default: 10 heartbeat
   * intervals (30 s with the default 3 s heartbeat).
   */
  public static final String HEARTBEAT_STALE_KEY = "quire.namenode.heartbeat.stale.ms";
  public static final int HEARTBEAT_STALE_DEFAULT_INTERVALS = 10;

  /**
   * A DataNode silent this long is dead (its replicas are re-replicated). Default as HDFS:
   * 2 x {@link #HEARTBEAT_RECHECK_DEFAULT} + 10 heartbeat intervals (10.5 min with 3 s beats).
   */
  public static final String HEARTBEAT_EXPIRE_KEY = "quire.namenode.heartbeat.expire.ms";
  /** HDFS's dfs.namenode.heartbeat.recheck-interval default, used to derive the expiry. */
  public static final long HEARTBEAT_RECHECK_DEFAULT = 300_000;

  /** Fraction of complete blocks that must have min replicas before safe mode ends. */
  public static final String SAFEMODE_THRESHOLD_KEY = "quire.namenode.safemode.threshold-pct";
  public static final float SAFEMODE_THRESHOLD_DEFAULT = 0.999f;

  /** Live DataNodes needed before safe mode ends. */
  public static final String SAFEMODE_MIN_DATANODES_KEY = "quire.namenode.safemode.min-datanodes";
  public static final int SAFEMODE_MIN_DATANODES_DEFAULT = 0;

  /**
   * Extra wait after the threshold is reached while some blocks are still missing: it lets
   * slow DataNodes report before re-replication starts. When every block is reported safe
   * mode ends at once, without this wait.
   */
  public static final String SAFEMODE_EXTENSION_KEY = "quire.namenode.safemode.extension.ms";
  public static final long SAFEMODE_EXTENSION_DEFAULT = 30_000;

  /** Save a checkpoint after this much time ... */
  public static final String CHECKPOINT_PERIOD_KEY = "quire.namenode.checkpoint.period.ms";
  public static final long CHECKPOINT_PERIOD_DEFAULT = 3_600_000;

  /** ... or after this many transactions since the last one, whichever comes first. */
  public static final String CHECKPOINT_TXNS_KEY = "quire.namenode.checkpoint.txns";
  public static final long CHECKPOINT_TXNS_DEFAULT = 1_000_000;

  /** How often the checkpointer checks the two conditions above. */
  public static final String CHECKPOINT_CHECK_PERIOD_KEY =
      "quire.namenode.checkpoint.check-period.ms";
  public static final long CHECKPOINT_CHECK_PERIOD_DEFAULT = 60_000;

  /** Checkpoints kept; journal segments older than the oldest kept one are purged. */
  public static final String CHECKPOINT_RETAINED_KEY = "quire.namenode.checkpoint.retained";
  public static final int CHECKPOINT_RETAINED_DEFAULT = 2;

  /** Entries of the RPC retry cache, as a fraction of the heap (as HDFS's default). */
  public static final String RETRY_CACHE_HEAP_PERCENT_KEY =
      "quire.namenode.retrycache.heap.percent";
  public static final float RETRY_CACHE_HEAP_PERCENT_DEFAULT = 0.03f;

  /** How long a retry cache entry answers repeats. */
  public static final String RETRY_CACHE_EXPIRY_KEY = "quire.namenode.retrycache.expiry.ms";
  public static final long RETRY_CACHE_EXPIRY_DEFAULT = 600_000;

  /**
   * Transfers a DataNode may be the source of at once (HDFS's
   * dfs.namenode.replication.max-streams); blocks with one replica left may exceed it up to
   * {@link #REPLICATION_MAX_STREAMS_HARD_LIMIT_KEY}.
   */
  public static final String REPLICATION_MAX_STREAMS_KEY = "quire.namenode.replication.max-streams";
  public static final int REPLICATION_MAX_STREAMS_DEFAULT = 2;

  /** Hard limit of concurrent transfers per source node, for the most urgent blocks. */
  public static final String REPLICATION_MAX_STREAMS_HARD_LIMIT_KEY =
      "quire.namenode.replication.max-streams-hard-limit";
  public static final int REPLICATION_MAX_STREAMS_HARD_LIMIT_DEFAULT = 4;

  /**
   * A scheduled transfer not confirmed by the target within this time is dropped and the
   * block queued again (HDFS's dfs.namenode.reconstruction.pending.timeout-sec, 5 min).
   */
  public static final String REPLICATION_PENDING_TIMEOUT_KEY =
      "quire.namenode.replication.pending.timeout.ms";
  public static final long REPLICATION_PENDING_TIMEOUT_DEFAULT = 300_000;

  /**
   * Blocks scheduled per monitor pass = this many times the number of live DataNodes (HDFS's
   * dfs.namenode.replication.work.multiplier.per.iteration).
   */
  public static final String REPLICATION_WORK_MULTIPLIER_KEY =
      "quire.namenode.replication.work.multiplier.per.iteration";
  public static final int REPLICATION_WORK_MULTIPLIER_DEFAULT = 2;

  /**
   * Longest name of a file or directory, in UTF-8 bytes (HDFS's
   * dfs.namenode.fs-limits.max-component-length); 0 = no limit. Checked where a name is made
   * (mkdirs, create, rename), never when records are replayed.
   */
  public static final String FS_LIMITS_MAX_COMPONENT_LENGTH_KEY =
      "quire.namenode.fs-limits.max-component-length";
  public static final int FS_LIMITS_MAX_COMPONENT_LENGTH_DEFAULT = 255;

  /**
   * Most entries one directory may hold (HDFS's dfs.namenode.fs-limits.max-directory-items,
   * same default); 1 to {@link #FS_LIMITS_MAX_DIRECTORY_ITEMS_CEILING}.
   */
  public static final String FS_LIMITS_MAX_DIRECTORY_ITEMS_KEY =
      "quire.namenode.fs-limits.max-directory-items";
  public static final int FS_LIMITS_MAX_DIRECTORY_ITEMS_DEFAULT = 1024 * 1024;
  /** Highest allowed value of the directory item limit (as HDFS). */
  public static final int FS_LIMITS_MAX_DIRECTORY_ITEMS_CEILING = 6_400_000;

  /**
   * Most components of a path that mkdirs, create or rename make (HDFS's fixed MAX_PATH_DEPTH,
   * 1000).
   */
  public static final String FS_LIMITS_MAX_PATH_DEPTH_KEY =
      "quire.namenode.fs-limits.max-path-depth";
  public static final int FS_LIMITS_MAX_PATH_DEPTH_DEFAULT = 1000;

  /**
   * Longest path (in characters, normalized) that mkdirs, create or rename make (HDFS's fixed
   * MAX_PATH_LENGTH, 8000).
   */
  public static final String FS_LIMITS_MAX_PATH_LENGTH_KEY =
      "quire.namenode.fs-limits.max-path-length";
  public static final int FS_LIMITS_MAX_PATH_LENGTH_DEFAULT = 8000;

  /**
   * Whether ACL operations (setAcl, modifyAclEntries, removeAclEntries, removeDefaultAcl,
   * removeAcl, getAclStatus) are accepted (HDFS's dfs.namenode.acls.enabled, true by default
   * since HDFS 3.3 as here). When false they fail with AclException; ACLs already stored are
   * still enforced and default ACLs still inherited.
   */
  public static final String ACLS_ENABLED_KEY = "quire.namenode.acls.enabled";
  public static final boolean ACLS_ENABLED_DEFAULT = true;

  /**
   * Most user-visible (user. and trusted.) extended attributes of one inode (HDFS's
   * dfs.namenode.fs-limits.max-xattrs-per-inode); 0 or more.
   */
  public static final String FS_LIMITS_MAX_XATTRS_PER_INODE_KEY =
      "quire.namenode.fs-limits.max-xattrs-per-inode";
  public static final int FS_LIMITS_MAX_XATTRS_PER_INODE_DEFAULT = 32;

  /**
   * Largest extended attribute: UTF-8 bytes of its name (without the namespace) plus its value
   * (HDFS's dfs.namenode.fs-limits.max-xattr-size); 1 to
   * {@link #FS_LIMITS_MAX_XATTR_SIZE_CEILING}.
   */
  public static final String FS_LIMITS_MAX_XATTR_SIZE_KEY =
      "quire.namenode.fs-limits.max-xattr-size";
  public static final int FS_LIMITS_MAX_XATTR_SIZE_DEFAULT = 16384;
  /** Highest allowed value of the xattr size limit (HDFS's hard limit). */
  public static final int FS_LIMITS_MAX_XATTR_SIZE_CEILING = 32768;

  /**
   * Longest a writer's addBlock waits for the DNS lookup of the client host it names (outside
   * the namesystem lock); after it the block is placed without the writer-local preference.
   */
  public static final String CLIENT_HOST_RESOLVE_TIMEOUT_KEY =
      "quire.namenode.client-host.resolve-timeout.ms";
  public static final long CLIENT_HOST_RESOLVE_TIMEOUT_DEFAULT = 1000;

  /** Client host names whose lookup (address or failure) is cached; least recently used go. */
  public static final String CLIENT_HOST_CACHE_SIZE_KEY = "quire.namenode.client-host.cache.size";
  public static final int CLIENT_HOST_CACHE_SIZE_DEFAULT = 10_000;

  /** How long a cached client host lookup is used before the name is looked up again. */
  public static final String CLIENT_HOST_CACHE_EXPIRY_KEY =
      "quire.namenode.client-host.cache.expiry.ms";
  public static final long CLIENT_HOST_CACHE_EXPIRY_DEFAULT = 300_000;

  /** host:port list of the ZooKeeper ensemble of an HA nameservice (required in HA). */
  public static final String HA_ZK_QUORUM_KEY = "quire.ha.zookeeper.quorum";

  /**
   * ZooKeeper session timeout: how long an active NameNode that stopped answering ZooKeeper
   * (crashed, frozen, cut off) keeps its place before a standby takes over, so it bounds an
   * unplanned failover. 6 s rides out a GC pause of a few seconds yet fails over in well under
   * HDFS's default (10 s session plus health checks); ZooKeeper clamps it to 2-20 ticks.
   */
  public static final String HA_ZK_SESSION_TIMEOUT_KEY = "quire.ha.zookeeper.session-timeout.ms";
  public static final int HA_ZK_SESSION_TIMEOUT_DEFAULT = 6000;

  /** Root znode of everything Quire keeps in ZooKeeper; a nameservice lives at root/ns. */
  public static final String HA_ZK_PARENT_ZNODE_KEY = "quire.ha.zookeeper.parent-znode";
  public static final String HA_ZK_PARENT_ZNODE_DEFAULT = "/quire";

  /**
   * Longest a standby waits on a ZooKeeper watch for the next journal batch before it looks
   * again (a watch normally wakes it at once).
   */
  public static final String HA_TAIL_MAX_WAIT_KEY = "quire.ha.tail.max-wait.ms";
  public static final long HA_TAIL_MAX_WAIT_DEFAULT = 1000;

  /**
   * Largest journal batch znode, in bytes (a group-commit batch above it is split into several
   * consecutive ones); below ZooKeeper's jute.maxbuffer of 1 MiB with room for the multi.
   */
  public static final String HA_JOURNAL_MAX_BATCH_BYTES_KEY = "quire.ha.journal.max-batch-bytes";
  public static final int HA_JOURNAL_MAX_BATCH_BYTES_DEFAULT =
      io.quire.namenode.journal.zk.ZkJournalOptions.DEFAULT_MAX_BATCH_BYTES;

  /**
   * A NameNode whose published checkpoint is more than this many transactions behind the
   * newest published one (a long-dead standby) no longer holds back purging of the shared
   * journal; it will need {@code quire namenode -bootstrapStandby}.
   */
  public static final String HA_JOURNAL_CHECKPOINT_MAX_LAG_KEY =
      "quire.ha.journal.checkpoint-max-lag.txns";
  public static final long HA_JOURNAL_CHECKPOINT_MAX_LAG_DEFAULT =
      io.quire.namenode.journal.zk.ZkJournalOptions.DEFAULT_CHECKPOINT_MAX_LAG_TXNS;

  /**
   * Most shared-journal batch znodes a reader (a restart's replay, a standby catching up)
   * requests ahead with pipelined reads; 1 reads one batch per ZooKeeper round trip.
   */
  public static final String HA_JOURNAL_READ_AHEAD_KEY = "quire.ha.journal.read-ahead.batches";
  public static final int HA_JOURNAL_READ_AHEAD_DEFAULT =
      io.quire.namenode.journal.zk.ZkJournalOptions.DEFAULT_READ_AHEAD_BATCHES;

  /**
   * How often a NameNode makes a new block key, ms (HDFS dfs.block.access.key.update.interval,
   * 600 min). Block access tokens themselves are switched by the shared
   * {@code quire.block.access.token.enable}.
   */
  public static final String BLOCK_ACCESS_KEY_UPDATE_INTERVAL_KEY =
      "quire.block.access.key.update.interval.ms";
  public static final long BLOCK_ACCESS_KEY_UPDATE_INTERVAL_DEFAULT = 600 * 60 * 1000L;

  /** How long a block access token is valid, ms (HDFS dfs.block.access.token.lifetime). */
  public static final String BLOCK_ACCESS_TOKEN_LIFETIME_KEY =
      "quire.block.access.token.lifetime.ms";
  public static final long BLOCK_ACCESS_TOKEN_LIFETIME_DEFAULT = 600 * 60 * 1000L;
}
