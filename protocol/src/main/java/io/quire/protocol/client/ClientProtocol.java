package io.quire.protocol.client;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.FileBlockHealth;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SafeModeAction;
import io.quire.protocol.types.ServerDefaults;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.io.retry.AtMostOnce;
import org.apache.hadoop.io.retry.Idempotent;

/**
 * The protocol clients speak to the NameNode (Hadoop IPC, ProtobufRpcEngine2).
 *
 * <p>Paths are absolute and normalized ("/", "/a/b"); the client strips scheme and authority.
 * Failures are typed IOExceptions whose message names the operation and the path:
 * FileNotFoundException, org.apache.hadoop.fs.FileAlreadyExistsException,
 * ParentNotDirectoryException, PathIsNotEmptyDirectoryException, InvalidPathException,
 * org.apache.hadoop.security.AccessControlException, and the Quire exceptions in
 * {@code io.quire.protocol.exceptions}. A standby NameNode answers every call with
 * org.apache.hadoop.ipc.StandbyException.
 *
 * <p>Methods marked {@link AtMostOnce} carry the IPC client id and call id and are answered
 * from the NameNode's retry cache when repeated; {@link Idempotent} ones may simply be retried.
 */
public interface ClientProtocol {
  long VERSION = 1L;

  @Idempotent
  ServerDefaults getServerDefaults() throws IOException;

  /** Status of a path, or null when it does not exist. */
  @Idempotent
  InodeStatus getFileInfo(String path) throws IOException;

  /**
   * Creates a directory (and its missing parents when {@code createParent}). Returns true when
   * the directory exists afterwards; an existing file on the path is an error.
   */
  @Idempotent
  boolean mkdirs(String path, short permission, boolean createParent) throws IOException;

  /**
   * As {@link #mkdirs(String, short, boolean)}, also giving {@code unmasked}, the permission
   * before the client's umask (-1: unknown). Under a directory with a default ACL the new
   * directories take their mode from it instead of {@code permission} (HDFS's POSIX ACL
   * inheritance: the umask does not apply where a default ACL does).
   */
  @Idempotent
  default boolean mkdirs(String path, short permission, short unmasked, boolean createParent)
      throws IOException {
    return mkdirs(path, permission, createParent);
  }

  /**
   * Creates a file open for writing by {@code clientName}, who then holds its lease.
   * With {@code overwrite} an existing file is replaced (its blocks freed); an existing
   * directory is always an error (FileAlreadyExistsException).
   */
  @AtMostOnce
  InodeStatus create(String path, short permission, String clientName, boolean overwrite,
      boolean createParent, short replication, long blockSize) throws IOException;

  /**
   * As {@link #create(String, short, String, boolean, boolean, short, long)}, also giving
   * {@code unmasked}, the permission before the client's umask (-1: unknown); see
   * {@link #mkdirs(String, short, short, boolean)}.
   */
  @AtMostOnce
  default InodeStatus create(String path, short permission, short unmasked, String clientName,
      boolean overwrite, boolean createParent, short replication, long blockSize)
      throws IOException {
    return create(path, permission, clientName, overwrite, createParent, replication,
        blockSize);
  }

  /**
   * Opens an existing file for append by {@code clientName}. Returns the last block when it is
   * partial (the writer continues it through a new pipeline with a new generation stamp), or
   * null when the next write starts a new block. The file's status is read with getFileInfo.
   */
  @AtMostOnce
  LocatedBlock append(String path, String clientName) throws IOException;

  /**
   * Allocates the next block of a file being written, after {@code previous} (null for the
   * first block), which is thereby committed with its length. The target list avoids
   * {@code excludedNodes} (DataNode UUIDs) and prefers {@code clientHost}'s DataNode.
   * Throws NotReplicatedYetException while the previous block has too few reported replicas.
   */
  @AtMostOnce
  LocatedBlock addBlock(String path, long fileId, String clientName, Block previous,
      List<String> excludedNodes, String clientHost) throws IOException;

  /** Gives up a block just allocated whose pipeline could not be set up. */
  @Idempotent
  void abandonBlock(String path, long fileId, String clientName, Block block) throws IOException;

  /**
   * Closes a file: commits {@code last} (null if the file has no blocks) and releases the lease.
   * Returns false while the last block has fewer than the minimum replicas reported; the
   * client retries with back-off.
   */
  @AtMostOnce
  boolean complete(String path, long fileId, String clientName, Block last) throws IOException;

  /**
   * Records the current length of the last block of a file being written (hflush/hsync), so
   * that getFileInfo reports it and new readers see it.
   */
  @Idempotent
  void fsync(String path, long fileId, String clientName, long lastBlockLength) throws IOException;

  /** Blocks covering [offset, offset+length) of a file, locations closest-first to the caller. */
  @Idempotent
  LocatedBlocks getBlockLocations(String path, long offset, long length) throws IOException;

  /**
   * A page of a directory's entries with names after {@code startAfter} ("" for the first
   * page). Listing a file returns that file alone.
   */
  @Idempotent
  DirectoryListing getListing(String path, String startAfter) throws IOException;

  /**
   * As {@link #getListing(String, String)}; with {@code needLocation}, the page also carries
   * the located blocks of every file in it ({@link DirectoryListing#getLocations}: one RPC per
   * page for listLocatedStatus/listFiles, as HDFS's getListing with needLocation), and holds
   * fewer entries when their blocks would exceed the listing limit (at least one). A server
   * that does not know the flag answers without locations; callers then ask per file.
   */
  @Idempotent
  default DirectoryListing getListing(String path, String startAfter, boolean needLocation)
      throws IOException {
    return getListing(path, startAfter);
  }

  /** Renames src to dst; see {@link RenameMode}. Failures are exceptions, never false. */
  @AtMostOnce
  void rename(String src, String dst, RenameMode mode) throws IOException;

  /**
   * Deletes a path, atomically. A non-empty directory needs {@code recursive}
   * (else PathIsNotEmptyDirectoryException). Returns false when the path did not exist.
   */
  @AtMostOnce
  boolean delete(String path, boolean recursive) throws IOException;

  @Idempotent
  void setPermission(String path, short permission) throws IOException;

  /** Null owner or group leaves that field unchanged. */
  @Idempotent
  void setOwner(String path, String owner, String group) throws IOException;

  /** -1 leaves that time unchanged. */
  @Idempotent
  void setTimes(String path, long modificationTime, long accessTime) throws IOException;

  /** Returns false when the path is not a file. */
  @Idempotent
  boolean setReplication(String path, short replication) throws IOException;

  @Idempotent
  ContentSummaryInfo getContentSummary(String path) throws IOException;

  /** Moves the blocks of {@code sources}, in order, to the end of {@code target}. */
  @AtMostOnce
  void concat(String target, List<String> sources) throws IOException;

  /**
   * Truncates a closed file to {@code newLength}. Returns true when done at once (the cut falls
   * on a block boundary); false when the last block is being recovered to the new length (the
   * file stays open until then; poll isFileClosed).
   */
  @Idempotent
  boolean truncate(String path, long newLength, String clientName) throws IOException;

  /** Keeps every lease of {@code clientName} alive. */
  @Idempotent
  void renewLease(String clientName) throws IOException;

  /**
   * Starts recovery of the lease on a file; returns true when the file is already closed.
   */
  @Idempotent
  boolean recoverLease(String path, String clientName) throws IOException;

  @Idempotent
  boolean isFileClosed(String path) throws IOException;

  /** Reports replicas a client found corrupt (block + the node(s) holding the bad copy). */
  @Idempotent
  void reportBadBlocks(List<LocatedBlock> blocks) throws IOException;

  /**
   * For pipeline recovery: returns the block with a new generation stamp that the surviving
   * pipeline will use.
   */
  @Idempotent
  LocatedBlock updateBlockForPipeline(Block block, String clientName) throws IOException;

  /** Records the outcome of pipeline recovery: new generation stamp and surviving nodes. */
  @AtMostOnce
  void updatePipeline(String clientName, Block oldBlock, Block newBlock,
      List<DataNodeInfo> newNodes) throws IOException;

  /**
   * Extra DataNodes for a pipeline under recovery (to restore its width), avoiding
   * {@code existing} and {@code excluded} (UUIDs).
   */
  @Idempotent
  List<DataNodeInfo> getAdditionalDataNodes(String path, long fileId, Block block,
      List<DataNodeInfo> existing, List<String> excluded, int count, String clientName)
      throws IOException;

  @Idempotent
  FsStats getStats() throws IOException;

  @Idempotent
  List<DataNodeInfo> getDataNodeReport() throws IOException;

  /** Returns whether safe mode is on after the action. ENTER/LEAVE need the superuser. */
  @Idempotent
  boolean setSafeMode(SafeModeAction action) throws IOException;

  /**
   * Starts decommissioning a DataNode ({@code decommission} true) or returns it to service
   * (false). {@code datanode} is its data address "host:port" or its UUID. A decommissioning
   * node keeps serving reads; its replicas are copied elsewhere and it becomes DECOMMISSIONED
   * once every block it holds has enough live replicas on other nodes. Idempotent: repeating
   * the current state changes nothing. Superuser only (AccessControlException otherwise);
   * an unknown node is an {@link io.quire.protocol.exceptions.UnknownDataNodeException}.
   * Admin state lives in NameNode memory only,
   * as HDFS keeps it outside the edit log (a restarted NameNode starts with every node in
   * service).
   */
  @Idempotent
  void setDecommission(String datanode, boolean decommission) throws IOException;

  /**
   * Per-block replica health of a file (for fsck): good, corrupt and decommissioning replicas
   * of each block and a status. Needs the same access as getBlockLocations.
   * FileNotFoundException when the path does not exist,
   * org.apache.hadoop.fs.PathIsDirectoryException when it is a directory (list it and ask per
   * file).
   */
  @Idempotent
  FileBlockHealth getBlockHealth(String path) throws IOException;

  /** A snapshot of node counts, capacity and block health counters (admin report). */
  @Idempotent
  ClusterHealth getClusterHealth() throws IOException;

  // ---- ACLs (HDFS's semantics; owner or superuser; AclException for an invalid spec) ------

  /** Adds or replaces the entries of {@code aclSpec}; the mask is recalculated if not given. */
  @Idempotent
  void modifyAclEntries(String path, List<AclEntry> aclSpec) throws IOException;

  /** Removes the entries of {@code aclSpec} (permissions in the spec are ignored). */
  @Idempotent
  void removeAclEntries(String path, List<AclEntry> aclSpec) throws IOException;

  /** Removes every default entry. */
  @Idempotent
  void removeDefaultAcl(String path) throws IOException;

  /** Removes every extended entry: the permission bits alone remain. */
  @Idempotent
  void removeAcl(String path) throws IOException;

  /** Replaces the access and/or default ACL (each scope present in the spec) by the spec. */
  @Idempotent
  void setAcl(String path, List<AclEntry> aclSpec) throws IOException;

  /**
   * Owner, group, sticky bit, permission and the extended entries (named entries, the group
   * entry of an extended access ACL, default entries; none for a minimal ACL).
   */
  @Idempotent
  AclStatus getAclStatus(String path) throws IOException;

  // ---- extended attributes (names "<namespace>.<name>", see XAttrName) --------------------

  /** Sets {@code name} (CREATE: must not exist; REPLACE: must exist; both: either). */
  @AtMostOnce
  void setXAttr(String path, String name, byte[] value, EnumSet<XAttrSetFlag> flags)
      throws IOException;

  /**
   * The values of {@code names} (every attribute the caller may read when empty); a requested
   * name that is absent or not readable by the caller is an IOException.
   */
  @Idempotent
  Map<String, byte[]> getXAttrs(String path, List<String> names) throws IOException;

  /** The names of the attributes the caller may read. */
  @Idempotent
  List<String> listXAttrs(String path) throws IOException;

  /** Removes {@code name}; an IOException when it is not set. */
  @AtMostOnce
  void removeXAttr(String path, String name) throws IOException;

  // ---- snapshots (HDFS's semantics; paths under <dir>/.snapshot/<name> are read-only) -----

  /** Makes directory {@code path} snapshottable (superuser only; nested ones are refused). */
  @Idempotent
  void allowSnapshot(String path) throws IOException;

  /** Makes {@code path} not snapshottable; refused while it has snapshots (superuser only). */
  @Idempotent
  void disallowSnapshot(String path) throws IOException;

  /**
   * Takes snapshot {@code name} (null: HDFS's default "s" + yyyyMMdd-HHmmss.SSS) of the
   * snapshottable directory {@code path} (its owner or the superuser); answers the snapshot's
   * path {@code <path>/.snapshot/<name>}.
   */
  @AtMostOnce
  String createSnapshot(String path, String name) throws IOException;

  /** Deletes a snapshot; blocks that only it held are deleted. */
  @AtMostOnce
  void deleteSnapshot(String path, String name) throws IOException;

  @AtMostOnce
  void renameSnapshot(String path, String oldName, String newName) throws IOException;

  /** The snapshottable directories the caller owns (all of them for the superuser). */
  @Idempotent
  List<io.quire.protocol.types.SnapshottableDirectory> getSnapshottableDirListing()
      throws IOException;

  /**
   * What changed under snapshottable {@code path} from snapshot {@code from} to {@code to}
   * ("" or "." names the current state), as HDFS's getSnapshotDiffReport.
   */
  @Idempotent
  List<io.quire.protocol.types.SnapshotDiffEntry> getSnapshotDiffReport(String path,
      String from, String to) throws IOException;

  // ---- quotas ----------------------------------------------------------------------------

  /**
   * Sets the name quota (files + directories, the directory itself included) and the space
   * quota (bytes times replication) of a directory, as HDFS's setQuota: {@code -1} clears a
   * quota, {@code Long.MAX_VALUE} leaves it unchanged ({@link
   * io.quire.protocol.types.QuotaValues}). Superuser only.
   */
  @Idempotent
  void setQuota(String path, long namespaceQuota, long storagespaceQuota) throws IOException;

  /**
   * The quotas and usage of {@code path}: a directory with a quota answers its counters, any
   * other path what is below it (quotas -1).
   */
  @Idempotent
  org.apache.hadoop.fs.QuotaUsage getQuotaUsage(String path) throws IOException;
}
