package io.quire.namenode.rpc;

import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.ops.Operations;
import io.quire.namenode.records.AtMostOnceOp;
import io.quire.namenode.security.BlockKeyManager;
import io.quire.namenode.security.BlockTokenOptions;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SafeModeAction;
import io.quire.protocol.types.ServerDefaults;
import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * ClientProtocol on the namesystem: each call validates under the lock through
 * {@link Namesystem#mutate} or {@link Namesystem#read}; {@code @AtMostOnce} calls go through
 * the {@link RetryCacheSupport}. Reads accept inode paths ({@code /.reserved/.inodes/<id>});
 * mutations refuse every path under {@code /.reserved} ({@link ReservedPaths}). Every located
 * block answered carries a block access token for the caller: READ from getBlockLocations,
 * WRITE from addBlock, append and updateBlockForPipeline ({@link BlockKeyManager}).
 */
public final class ClientRpcHandler implements ClientProtocol {
  private final Namesystem ns;
  private final Operations ops;
  private final RetryCacheSupport retryCache;
  private final ClusterInfo cluster;
  private final AdminCalls admin;
  private final CallerResolver callers;
  private final int packetSize;
  private final BlockKeyManager blockKeys;

  /** A handler that issues no block access tokens. */
  public ClientRpcHandler(Namesystem ns, RetryCacheSupport retryCache, CallerResolver callers,
      int packetSize) {
    this(ns, retryCache, callers, packetSize, new BlockKeyManager(
        new BlockTokenOptions(false, 1, 1), 0, System::currentTimeMillis));
  }

  /** @param blockKeys signs the token each located block carries */
  public ClientRpcHandler(Namesystem ns, RetryCacheSupport retryCache, CallerResolver callers,
      int packetSize, BlockKeyManager blockKeys) {
    this.blockKeys = blockKeys;
    this.ns = ns;
    this.ops = ns.ops();
    this.retryCache = retryCache;
    retryCache.guard(ns);
    this.cluster = new ClusterInfo(ns, callers);
    this.admin = new AdminCalls(ns, callers);
    this.callers = callers;
    this.packetSize = packetSize;
  }

  /** Address of the remote client, or null for in-process calls. */
  static String clientIp() {
    InetAddress a = Server.getRemoteIp();
    return a == null ? null : a.getHostAddress();
  }

  /** {@code lb} with a token for the calling user granting {@code mode} (none when off). */
  private LocatedBlock withToken(LocatedBlock lb, BlockAccessMode mode) {
    if (lb == null || !blockKeys.isEnabled()) {
      return lb;
    }
    UserGroupInformation u = Server.getRemoteUser();
    return lb.withToken(blockKeys.generateToken(u == null ? "" : u.getShortUserName(),
        lb.getBlock().getBlockId(), EnumSet.of(mode)));
  }

  /**
   * Runs the {@code @AtMostOnce} mutation {@code v} of {@code op} once per IPC call: journaled
   * with its RPC_CALL record (derived by {@code d}), a repeat answered from the retry cache (or
   * by {@code rebuild} when only the journal knew the call).
   */
  private <T> T journaledOnce(AtMostOnceOp op, String path, RetryCacheSupport.Rebuild<T> rebuild,
      AtMostOnceRecords.Derivation d, Namesystem.Validation<T> v) throws IOException {
    return retryCache.withPayload(op, rebuild,
        () -> ns.mutate(op.method(), path, AtMostOnceRecords.recorded(op, d, v)));
  }

  /** {@link #journaledOnce} for a call without an answer. */
  private void journaledOnce(AtMostOnceOp op, String path, Namesystem.Validation<Void> v)
      throws IOException {
    retryCache.withoutPayload(op, () -> ns.mutate(op.method(), path,
        AtMostOnceRecords.recorded(op, AtMostOnceRecords.VOID, v)));
  }

  /** The answer of a create known from the journal: the file's status now. */
  private InodeStatus fileStatus(RetryCacheSupport.ReplayedAnswer r) throws IOException {
    return ns.read(() -> ops.reads().statusOf(r.inodeId(), "create"));
  }

  /** The answer of an append known from the journal: the file's located last block now. */
  private LocatedBlock lastBlock(RetryCacheSupport.ReplayedAnswer r) throws IOException {
    return ns.updateVolatileState(() -> ops.reads().lastBlockForAppend(r.inodeId()));
  }

  @Override public ServerDefaults getServerDefaults() {
    var o = ns.getOptions();
    return new ServerDefaults(o.defaultBlockSize(), QuireConfigKeys.BYTES_PER_CHECKSUM,
        packetSize, o.defaultReplication(), o.minBlockSize());
  }

  @Override public InodeStatus getFileInfo(String path) throws IOException {
    return ns.read(() -> ops.reads().getFileInfo(path));
  }

  @Override public boolean mkdirs(String path, short permission, boolean createParent)
      throws IOException {
    return mkdirs(path, permission, (short) -1, createParent);
  }

  @Override public boolean mkdirs(String path, short permission, short unmasked,
      boolean createParent) throws IOException {
    ReservedPaths.checkNotReserved(path, "mkdirs");
    return ns.mutate("mkdirs", path,
        () -> ops.directories().mkdirs(path, permission, unmasked, createParent));
  }

  @Override public InodeStatus create(String path, short permission, String clientName,
      boolean overwrite, boolean createParent, short replication, long blockSize)
      throws IOException {
    return create(path, permission, (short) -1, clientName, overwrite, createParent,
        replication, blockSize);
  }

  @Override public InodeStatus create(String path, short permission, short unmasked,
      String clientName, boolean overwrite, boolean createParent, short replication,
      long blockSize) throws IOException {
    ReservedPaths.checkNotReserved(path, "create");
    String machine = clientIp() == null ? "" : clientIp();
    return journaledOnce(AtMostOnceOp.CREATE, path, this::fileStatus, AtMostOnceRecords.CREATE,
        () -> ops.create().create(path, permission, unmasked, clientName, machine, overwrite,
            createParent, replication, blockSize));
  }

  @Override public LocatedBlock append(String path, String clientName) throws IOException {
    ReservedPaths.checkNotReserved(path, "append");
    String machine = clientIp() == null ? "" : clientIp();
    return withToken(journaledOnce(AtMostOnceOp.APPEND, path, this::lastBlock,
        AtMostOnceRecords.APPEND, () -> ops.create().append(path, clientName, machine)),
        BlockAccessMode.WRITE);
  }

  @Override public LocatedBlock addBlock(String path, long fileId, String clientName,
      Block previous, List<String> excludedNodes, String clientHost) throws IOException {
    ReservedPaths.checkNotReserved(path, "addBlock");
    // Looked up here, before the namesystem lock: DNS may be slow (bounded by a timeout).
    String host = ns.getClientHosts().resolve(
        clientHost != null && !clientHost.isEmpty() ? clientHost : clientIp());
    // A repeat known only from another NameNode's journal is recognised by AddBlockOps itself.
    Namesystem.Validation<LocatedBlock> add = () -> ops.addBlock()
        .addBlock(path, fileId, clientName, previous, excludedNodes, host);
    return withToken(retryCache.withPayload(AtMostOnceOp.ADD_BLOCK,
        r -> ns.mutate("addBlock", path, add), () -> ns.mutate("addBlock", path, add)),
        BlockAccessMode.WRITE);
  }

  @Override public void abandonBlock(String path, long fileId, String clientName, Block block)
      throws IOException {
    ReservedPaths.checkNotReserved(path, "abandonBlock");
    ns.mutate("abandonBlock", path,
        () -> ops.addBlock().abandonBlock(path, fileId, clientName, block));
  }

  @Override public boolean complete(String path, long fileId, String clientName, Block last)
      throws IOException {
    ReservedPaths.checkNotReserved(path, "complete");
    return journaledOnce(AtMostOnceOp.COMPLETE, path, r -> true, AtMostOnceRecords.COMPLETE,
        () -> ops.complete().complete(path, fileId, clientName, last));
  }

  @Override public void fsync(String path, long fileId, String clientName, long lastBlockLength)
      throws IOException {
    ReservedPaths.checkNotReserved(path, "fsync");
    ns.mutate("fsync", path,
        () -> ops.complete().fsync(path, fileId, clientName, lastBlockLength));
  }

  @Override public LocatedBlocks getBlockLocations(String path, long offset, long length)
      throws IOException {
    String ip = clientIp();
    LocatedBlocks lbs = ns.read(() -> ops.reads().getBlockLocations(path, offset, length, ip));
    if (!blockKeys.isEnabled()) {
      return lbs;
    }
    return new LocatedBlocks(lbs.getFileLength(), lbs.getBlocks().stream()
        .map(lb -> withToken(lb, BlockAccessMode.READ)).toList(), lbs.isUnderConstruction(),
        lbs.isLastBlockComplete());
  }

  @Override public DirectoryListing getListing(String path, String startAfter)
      throws IOException {
    return ns.read(() -> ops.reads().getListing(path, startAfter));
  }

  /** With locations: no block access tokens (the client uses them as locations only). */
  @Override public DirectoryListing getListing(String path, String startAfter,
      boolean needLocation) throws IOException {
    String ip = needLocation ? clientIp() : null;
    return ns.read(() -> ops.reads().getListing(path, startAfter, needLocation, ip));
  }

  @Override public void rename(String src, String dst, RenameMode mode) throws IOException {
    ReservedPaths.checkNotReserved(src, "rename");
    ReservedPaths.checkNotReserved(dst, "rename");
    journaledOnce(AtMostOnceOp.RENAME, src, () -> ops.rename().rename(src, dst, mode));
  }

  @Override public boolean delete(String path, boolean recursive) throws IOException {
    ReservedPaths.checkNotReserved(path, "delete");
    return journaledOnce(AtMostOnceOp.DELETE, path, r -> true, AtMostOnceRecords.TRUE_IF_ANY,
        () -> ops.directories().delete(path, recursive));
  }

  @Override public void setPermission(String path, short permission) throws IOException {
    ReservedPaths.checkNotReserved(path, "setPermission");
    ns.mutate("setPermission", path, () -> ops.attributes().setPermission(path, permission));
  }

  @Override public void setOwner(String path, String owner, String group) throws IOException {
    ReservedPaths.checkNotReserved(path, "setOwner");
    ns.mutate("setOwner", path, () -> ops.attributes().setOwner(path, owner, group));
  }

  @Override public void setTimes(String path, long mtime, long atime) throws IOException {
    ReservedPaths.checkNotReserved(path, "setTimes");
    ns.mutate("setTimes", path, () -> ops.attributes().setTimes(path, mtime, atime));
  }

  @Override public boolean setReplication(String path, short replication) throws IOException {
    ReservedPaths.checkNotReserved(path, "setReplication");
    return ns.mutate("setReplication", path,
        () -> ops.attributes().setReplication(path, replication));
  }

  @Override public ContentSummaryInfo getContentSummary(String path) throws IOException {
    return ns.read(() -> ops.reads().getContentSummary(path));
  }

  @Override public void concat(String target, List<String> sources) throws IOException {
    ReservedPaths.checkNotReserved(target, "concat");
    for (String s : sources) {
      ReservedPaths.checkNotReserved(s, "concat");
    }
    journaledOnce(AtMostOnceOp.CONCAT, target,
        () -> ops.concatTruncate().concat(target, sources));
  }

  @Override public boolean truncate(String path, long newLength, String clientName)
      throws IOException {
    ReservedPaths.checkNotReserved(path, "truncate");
    String machine = clientIp() == null ? "" : clientIp();
    return ns.mutate("truncate", path,
        () -> ops.concatTruncate().truncate(path, newLength, clientName, machine));
  }

  @Override public void renewLease(String clientName) {
    ns.getState().leases().renew(clientName);
  }

  @Override public boolean recoverLease(String path, String clientName) throws IOException {
    ReservedPaths.checkNotReserved(path, "recoverLease");
    return ns.mutate("recoverLease", path, () -> ops.recovery().recoverLease(path, clientName));
  }

  @Override public boolean isFileClosed(String path) throws IOException {
    return ns.read(() -> ops.reads().isFileClosed(path));
  }

  @Override public void reportBadBlocks(List<LocatedBlock> blocks) throws IOException {
    cluster.reportBadBlocks(blocks);
  }

  @Override public LocatedBlock updateBlockForPipeline(Block block, String clientName)
      throws IOException {
    return withToken(ns.mutate("updateBlockForPipeline", block.toString(),
        () -> ops.pipeline().updateBlockForPipeline(block, clientName)), BlockAccessMode.WRITE);
  }

  @Override public void updatePipeline(String clientName, Block oldBlock, Block newBlock,
      List<DataNodeInfo> newNodes) throws IOException {
    journaledOnce(AtMostOnceOp.UPDATE_PIPELINE, oldBlock.toString(),
        () -> ops.pipeline().updatePipeline(clientName, oldBlock, newBlock, newNodes));
  }

  @Override public List<DataNodeInfo> getAdditionalDataNodes(String path, long fileId,
      Block block, List<DataNodeInfo> existing, List<String> excluded, int count,
      String clientName) throws IOException {
    return ns.read(() -> ops.pipeline().getAdditionalDataNodes(path, fileId, block, existing,
        excluded, count, clientName));
  }

  @Override public FsStats getStats() throws IOException {
    return cluster.getStats();
  }

  @Override public List<DataNodeInfo> getDataNodeReport() {
    return ns.getDataNodeManager().getReport();
  }

  @Override public boolean setSafeMode(SafeModeAction action) throws IOException {
    if (action != SafeModeAction.GET) {
      new io.quire.namenode.namespace.PermissionChecker(callers.current(), true)
          .checkSuperUser("setSafeMode " + action);
      if (action == SafeModeAction.ENTER) {
        ns.getSafeMode().enter();
      } else {
        ns.getSafeMode().leave();
      }
    }
    return ns.getSafeMode().isOn();
  }

  @Override public void setDecommission(String datanode, boolean decommission)
      throws IOException {
    admin.setDecommission(datanode, decommission);
  }

  @Override public io.quire.protocol.types.FileBlockHealth getBlockHealth(String path)
      throws IOException {
    return admin.getBlockHealth(path);
  }

  @Override public io.quire.protocol.types.ClusterHealth getClusterHealth() throws IOException {
    return admin.getClusterHealth();
  }

  // ---- ACLs and extended attributes ------------------------------------------------------

  @Override public void modifyAclEntries(String path, List<AclEntry> aclSpec)
      throws IOException {
    ns.mutate("modifyAclEntries", path, () -> ops.acls().modifyAclEntries(path, aclSpec));
  }

  @Override public void removeAclEntries(String path, List<AclEntry> aclSpec)
      throws IOException {
    ns.mutate("removeAclEntries", path, () -> ops.acls().removeAclEntries(path, aclSpec));
  }

  @Override public void removeDefaultAcl(String path) throws IOException {
    ns.mutate("removeDefaultAcl", path, () -> ops.acls().removeDefaultAcl(path));
  }

  @Override public void removeAcl(String path) throws IOException {
    ns.mutate("removeAcl", path, () -> ops.acls().removeAcl(path));
  }

  @Override public void setAcl(String path, List<AclEntry> aclSpec) throws IOException {
    ns.mutate("setAcl", path, () -> ops.acls().setAcl(path, aclSpec));
  }

  @Override public AclStatus getAclStatus(String path) throws IOException {
    return ns.read(() -> ops.acls().getAclStatus(path));
  }

  @Override public void setXAttr(String path, String name, byte[] value,
      EnumSet<XAttrSetFlag> flags) throws IOException {
    journaledOnce(AtMostOnceOp.SET_XATTR, path,
        () -> ops.xattrs().setXAttr(path, name, value, flags));
  }

  @Override public Map<String, byte[]> getXAttrs(String path, List<String> names)
      throws IOException {
    return ns.read(() -> ops.xattrs().getXAttrs(path, names));
  }

  @Override public List<String> listXAttrs(String path) throws IOException {
    return ns.read(() -> ops.xattrs().listXAttrs(path));
  }

  @Override public void removeXAttr(String path, String name) throws IOException {
    journaledOnce(AtMostOnceOp.REMOVE_XATTR, path,
        () -> ops.xattrs().removeXAttr(path, name));
  }

  @Override public void allowSnapshot(String path) throws IOException {
    ns.mutate("allowSnapshot", path, () -> ops.snapshots().allowSnapshot(path));
  }

  @Override public void disallowSnapshot(String path) throws IOException {
    ns.mutate("disallowSnapshot", path, () -> ops.snapshots().disallowSnapshot(path));
  }

  @Override public String createSnapshot(String path, String name) throws IOException {
    return journaledOnce(AtMostOnceOp.CREATE_SNAPSHOT, path, this::snapshotPath,
        AtMostOnceRecords.CREATE_SNAPSHOT, () -> ops.snapshots().createSnapshot(path, name));
  }

  /** The answer of a createSnapshot known from the journal: the snapshot's path now. */
  private String snapshotPath(RetryCacheSupport.ReplayedAnswer r) throws IOException {
    String p = ns.read(() -> ops.snapshots().snapshotPathOf((int) r.inodeId()));
    if (p == null) {
      throw new org.apache.hadoop.fs.InvalidRequestException("createSnapshot: snapshot "
          + r.inodeId() + " of this call was deleted since");
    }
    return p;
  }

  @Override public void deleteSnapshot(String path, String name) throws IOException {
    journaledOnce(AtMostOnceOp.DELETE_SNAPSHOT, path,
        () -> ops.snapshots().deleteSnapshot(path, name));
  }

  @Override public void renameSnapshot(String path, String oldName, String newName)
      throws IOException {
    journaledOnce(AtMostOnceOp.RENAME_SNAPSHOT, path,
        () -> ops.snapshots().renameSnapshot(path, oldName, newName));
  }

  @Override public List<io.quire.protocol.types.SnapshottableDirectory>
      getSnapshottableDirListing() throws IOException {
    return ns.read(() -> ops.snapshots().getSnapshottableDirListing());
  }

  @Override public List<io.quire.protocol.types.SnapshotDiffEntry> getSnapshotDiffReport(
      String path, String from, String to) throws IOException {
    return ns.read(() -> ops.snapshots().diff(path, from, to));
  }

  @Override public void setQuota(String path, long namespaceQuota, long storagespaceQuota)
      throws IOException {
    ns.mutate("setQuota", path,
        () -> ops.quotas().setQuota(path, namespaceQuota, storagespaceQuota));
  }

  @Override public org.apache.hadoop.fs.QuotaUsage getQuotaUsage(String path)
      throws IOException {
    return ns.read(() -> ops.quotas().getQuotaUsage(path));
  }
}
