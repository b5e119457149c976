package io.quire.protocol;

/**
 * Configuration keys shared by every Quire component (client, NameNode, DataNode).
 *
 * <p>Each key sits next to its typed default and one line of documentation. Module-specific
 * keys live in that module's own keys class (NameNodeConfigKeys, DataNodeConfigKeys,
 * ClientConfigKeys). The table in docs/CONFIGURATION.md lists them all.
 */
public final class QuireConfigKeys {
  private QuireConfigKeys() {}

  /** URI scheme of Quire file systems. */
  public static final String SCHEME = "quire";

  /**
   * Host:port of the NameNode's client and DataNode RPC server. In a nameservice, each
   * NameNode's is {@code quire.namenode.rpc-address.<ns>.<id>}.
   */
  public static final String NAMENODE_RPC_ADDRESS_KEY = "quire.namenode.rpc-address";
  /** Default NameNode RPC port when a quire:// URI names no port. */
  public static final int NAMENODE_RPC_PORT_DEFAULT = 8720;

  /**
   * Host:port of the NameNode's HTTP server (checkpoint transfer, /isActive). In a nameservice,
   * each NameNode's is {@code quire.namenode.http-address.<ns>.<id>}.
   */
  public static final String NAMENODE_HTTP_ADDRESS_KEY = "quire.namenode.http-address";
  /** Default NameNode HTTP port. */
  public static final int NAMENODE_HTTP_PORT_DEFAULT = 8721;

  /**
   * Logical name of the HA nameservice (one). Unset: a single NameNode at
   * {@link #NAMENODE_RPC_ADDRESS_KEY}. Clients reach a nameservice as {@code quire://<ns>/}.
   */
  public static final String NAMESERVICES_KEY = "quire.nameservices";

  /** {@code quire.namenode.ids.<ns>}: the 2 or 3 NameNode ids of nameservice {@code <ns>}. */
  public static final String NAMENODE_IDS_PREFIX = "quire.namenode.ids.";

  /**
   * This NameNode's id in its nameservice; unset: the one id whose RPC address is local.
   * Usually given as {@code -Dquire.namenode.id=nn1}.
   */
  public static final String NAMENODE_ID_KEY = "quire.namenode.id";

  /** Default block size of new files, in bytes. */
  public static final String BLOCK_SIZE_KEY = "quire.blocksize";
  public static final long BLOCK_SIZE_DEFAULT = 128L * 1024 * 1024;

  /** Default replication factor of new files. */
  public static final String REPLICATION_KEY = "quire.replication";
  public static final short REPLICATION_DEFAULT = 3;

  /**
   * Bytes covered by one CRC32C checksum in blocks and on the wire. Fixed at 512 in this version.
   */
  public static final int BYTES_PER_CHECKSUM = 512;

  /**
   * Size of the data part of one data-transfer packet, in bytes (a multiple of 512, at most
   * {@link io.quire.protocol.datatransfer.DataTransferProtocol#MAX_PACKET_DATA}).
   */
  public static final String PACKET_SIZE_KEY = "quire.client.write.packet-size";
  public static final int PACKET_SIZE_DEFAULT = 64 * 1024;

  /**
   * Milliseconds added to the data-transfer write timeout per node of the pipeline a sender
   * writes into (HDFS's WRITE_TIMEOUT_EXTENSION, 5 s). A node closer to the end of a pipeline
   * has fewer nodes after it and so gives up first: when the last node stalls, its upstream
   * neighbour's write times out, not the client's, and the stalled node is the one blamed.
   * Read by the client and the DataNodes alike; they must agree for that ordering to hold.
   */
  public static final String WRITE_TIMEOUT_EXTENSION_KEY =
      "quire.socket.write-timeout.extension.ms";
  public static final int WRITE_TIMEOUT_EXTENSION_DEFAULT = 5_000;

  /**
   * Milliseconds between DataNode heartbeats. The NameNode derives staleness and death from it
   * (and from its own recheck interval), so both sides read the same key.
   */
  public static final String HEARTBEAT_INTERVAL_KEY = "quire.heartbeat.interval.ms";
  public static final long HEARTBEAT_INTERVAL_DEFAULT = 3000;

  /** Name of the superuser group (members may do anything, like HDFS's supergroup). */
  public static final String SUPERGROUP_KEY = "quire.permissions.superusergroup";
  public static final String SUPERGROUP_DEFAULT = "supergroup";

  /** Whether permissions are checked at all. */
  public static final String PERMISSIONS_ENABLED_KEY = "quire.permissions.enabled";
  public static final boolean PERMISSIONS_ENABLED_DEFAULT = true;

  /**
   * Block access tokens: the NameNode signs a token into every located block and ships its
   * keys to DataNodes, which refuse data-transfer ops without a valid token. NameNodes and
   * DataNodes must agree; false (no tokens sent or checked) is for debugging only.
   */
  public static final String BLOCK_ACCESS_TOKEN_ENABLE_KEY = "quire.block.access.token.enable";
  public static final boolean BLOCK_ACCESS_TOKEN_ENABLE_DEFAULT = true;

  /**
   * Kerberos principal of the NameNodes (HDFS dfs.namenode.kerberos.principal), e.g.
   * {@code nn/_HOST@EXAMPLE.COM}; {@code _HOST} stands for the host of the NameNode's RPC
   * address. Read by NameNodes (to log in) and by every client and DataNode (the server
   * principal SASL expects) when {@code hadoop.security.authentication=kerberos}.
   */
  public static final String NAMENODE_KERBEROS_PRINCIPAL_KEY =
      "quire.namenode.kerberos.principal";
  /** Keytab file of the NameNode principal (HDFS dfs.namenode.keytab.file). */
  public static final String NAMENODE_KEYTAB_FILE_KEY = "quire.namenode.keytab.file";

  /**
   * Kerberos principal of the DataNodes (HDFS dfs.datanode.kerberos.principal), e.g.
   * {@code dn/_HOST@EXAMPLE.COM}; {@code _HOST} stands for the DataNode's host name. The
   * NameNode accepts DataNodeProtocol calls only from it (its {@code _HOST} is the caller's
   * host).
   */
  public static final String DATANODE_KERBEROS_PRINCIPAL_KEY =
      "quire.datanode.kerberos.principal";
  /** Keytab file of the DataNode principal (HDFS dfs.datanode.keytab.file). */
  public static final String DATANODE_KEYTAB_FILE_KEY = "quire.datanode.keytab.file";
}
