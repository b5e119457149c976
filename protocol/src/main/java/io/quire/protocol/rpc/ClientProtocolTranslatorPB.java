package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.invoke;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.*;
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
import java.io.Closeable;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.ipc.ProtocolTranslator;
import org.apache.hadoop.ipc.RPC;

/**
 * Client side of {@link ClientProtocol}: encodes each call for the {@link ClientProtocolPB}
 * proxy and decodes the answer; a server exception arrives as its own class (see
 * {@link RpcExceptions}). Implements {@link ProtocolTranslator} so that RetryProxy reaches the
 * IPC proxy underneath and a retried call keeps its call id (the NameNode's retry cache
 * depends on it). Not retrying by itself; {@link #close()} stops the IPC proxy.
 */
public final class ClientProtocolTranslatorPB
    implements ClientProtocol, ProtocolTranslator, Closeable {
  private final ClientProtocolPB rpc;

  public ClientProtocolTranslatorPB(ClientProtocolPB rpc) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
  }

  @Override
  public Object getUnderlyingProxyObject() {
    return rpc;
  }

  @Override
  public void close() {
    RPC.stopProxy(rpc);
  }

  @Override
  public ServerDefaults getServerDefaults() throws IOException {
    return NamespaceConverter.toServerDefaults(invoke(() -> rpc.getServerDefaults(null,
        GetServerDefaultsRequestProto.getDefaultInstance())).getDefaults());
  }

  @Override
  public InodeStatus getFileInfo(String path) throws IOException {
    GetFileInfoResponseProto resp = invoke(() -> rpc.getFileInfo(null,
        GetFileInfoRequestProto.newBuilder().setPath(path).build()));
    return resp.hasStatus() ? NamespaceConverter.toInodeStatus(resp.getStatus()) : null;
  }

  @Override
  public boolean mkdirs(String path, short permission, boolean createParent) throws IOException {
    return invoke(() -> rpc.mkdirs(null, MkdirsRequestProto.newBuilder().setPath(path)
        .setPermission(permission).setCreateParent(createParent).build())).getResult();
  }

  @Override
  public InodeStatus create(String path, short permission, String clientName, boolean overwrite,
      boolean createParent, short replication, long blockSize) throws IOException {
    CreateRequestProto req = CreateRequestProto.newBuilder().setPath(path)
        .setPermission(permission).setClientName(clientName).setOverwrite(overwrite)
        .setCreateParent(createParent).setReplication(replication).setBlockSize(blockSize)
        .build();
    return NamespaceConverter.toInodeStatus(invoke(() -> rpc.create(null, req)).getStatus());
  }

  @Override
  public LocatedBlock append(String path, String clientName) throws IOException {
    AppendResponseProto resp = invoke(() -> rpc.append(null,
        AppendRequestProto.newBuilder().setPath(path).setClientName(clientName).build()));
    return resp.hasLastBlock() ? BlockConverter.toLocatedBlock(resp.getLastBlock()) : null;
  }

  @Override
  public LocatedBlock addBlock(String path, long fileId, String clientName, Block previous,
      List<String> excludedNodes, String clientHost) throws IOException {
    AddBlockRequestProto.Builder req = AddBlockRequestProto.newBuilder().setPath(path)
        .setFileId(fileId).setClientName(clientName).addAllExcludedNodes(excludedNodes);
    if (previous != null) {
      req.setPrevious(BlockConverter.toProto(previous));
    }
    if (clientHost != null) {
      req.setClientHost(clientHost);
    }
    return BlockConverter.toLocatedBlock(invoke(() -> rpc.addBlock(null, req.build())).getBlock());
  }

  @Override
  public void abandonBlock(String path, long fileId, String clientName, Block block)
      throws IOException {
    invoke(() -> rpc.abandonBlock(null, AbandonBlockRequestProto.newBuilder().setPath(path)
        .setFileId(fileId).setClientName(clientName).setBlock(BlockConverter.toProto(block))
        .build()));
  }

  @Override
  public boolean complete(String path, long fileId, String clientName, Block last)
      throws IOException {
    CompleteRequestProto.Builder req = CompleteRequestProto.newBuilder().setPath(path)
        .setFileId(fileId).setClientName(clientName);
    if (last != null) {
      req.setLast(BlockConverter.toProto(last));
    }
    return invoke(() -> rpc.complete(null, req.build())).getResult();
  }

  @Override
  public void fsync(String path, long fileId, String clientName, long lastBlockLength)
      throws IOException {
    invoke(() -> rpc.fsync(null, FsyncRequestProto.newBuilder().setPath(path).setFileId(fileId)
        .setClientName(clientName).setLastBlockLength(lastBlockLength).build()));
  }

  @Override
  public LocatedBlocks getBlockLocations(String path, long offset, long length)
      throws IOException {
    return BlockConverter.toLocatedBlocks(invoke(() -> rpc.getBlockLocations(null,
        GetBlockLocationsRequestProto.newBuilder().setPath(path).setOffset(offset)
            .setLength(length).build())).getLocations());
  }

  @Override
  public DirectoryListing getListing(String path, String startAfter) throws IOException {
    return getListing(path, startAfter, false);
  }

  @Override
  public DirectoryListing getListing(String path, String startAfter, boolean needLocation)
      throws IOException {
    GetListingRequestProto.Builder req = GetListingRequestProto.newBuilder().setPath(path);
    if (startAfter != null) {
      req.setStartAfter(startAfter);
    }
    if (needLocation) {
      req.setNeedLocation(true);
    }
    return NamespaceConverter.toListing(invoke(() -> rpc.getListing(null, req.build()))
        .getListing());
  }

  @Override
  public void rename(String src, String dst, RenameMode mode) throws IOException {
    invoke(() -> rpc.rename(null, RenameRequestProto.newBuilder().setSrc(src).setDst(dst)
        .setMode(NamespaceConverter.toProto(mode)).build()));
  }

  @Override
  public boolean delete(String path, boolean recursive) throws IOException {
    return invoke(() -> rpc.delete(null, DeleteRequestProto.newBuilder().setPath(path)
        .setRecursive(recursive).build())).getResult();
  }

  @Override
  public void setPermission(String path, short permission) throws IOException {
    invoke(() -> rpc.setPermission(null, SetPermissionRequestProto.newBuilder().setPath(path)
        .setPermission(permission).build()));
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    SetOwnerRequestProto.Builder req = SetOwnerRequestProto.newBuilder().setPath(path);
    if (owner != null) {
      req.setOwner(owner);
    }
    if (group != null) {
      req.setGroup(group);
    }
    invoke(() -> rpc.setOwner(null, req.build()));
  }

  @Override
  public void setTimes(String path, long modificationTime, long accessTime) throws IOException {
    invoke(() -> rpc.setTimes(null, SetTimesRequestProto.newBuilder().setPath(path)
        .setModificationTime(modificationTime).setAccessTime(accessTime).build()));
  }

  @Override
  public boolean setReplication(String path, short replication) throws IOException {
    return invoke(() -> rpc.setReplication(null, SetReplicationRequestProto.newBuilder()
        .setPath(path).setReplication(replication).build())).getResult();
  }

  @Override
  public ContentSummaryInfo getContentSummary(String path) throws IOException {
    return NamespaceConverter.toContentSummary(invoke(() -> rpc.getContentSummary(null,
        GetContentSummaryRequestProto.newBuilder().setPath(path).build())).getSummary());
  }

  @Override
  public void concat(String target, List<String> sources) throws IOException {
    invoke(() -> rpc.concat(null, ConcatRequestProto.newBuilder().setTarget(target)
        .addAllSources(sources).build()));
  }

  @Override
  public boolean truncate(String path, long newLength, String clientName) throws IOException {
    return invoke(() -> rpc.truncate(null, TruncateRequestProto.newBuilder().setPath(path)
        .setNewLength(newLength).setClientName(clientName).build())).getResult();
  }

  @Override
  public void renewLease(String clientName) throws IOException {
    invoke(() -> rpc.renewLease(null,
        RenewLeaseRequestProto.newBuilder().setClientName(clientName).build()));
  }

  @Override
  public boolean recoverLease(String path, String clientName) throws IOException {
    return invoke(() -> rpc.recoverLease(null, RecoverLeaseRequestProto.newBuilder()
        .setPath(path).setClientName(clientName).build())).getResult();
  }

  @Override
  public boolean isFileClosed(String path) throws IOException {
    return invoke(() -> rpc.isFileClosed(null,
        IsFileClosedRequestProto.newBuilder().setPath(path).build())).getResult();
  }

  @Override
  public void reportBadBlocks(List<LocatedBlock> blocks) throws IOException {
    invoke(() -> rpc.reportBadBlocks(null, ReportBadBlocksRequestProto.newBuilder()
        .addAllBlocks(BlockConverter.toLocatedBlockProtos(blocks)).build()));
  }

  @Override
  public LocatedBlock updateBlockForPipeline(Block block, String clientName) throws IOException {
    return BlockConverter.toLocatedBlock(invoke(() -> rpc.updateBlockForPipeline(null,
        UpdateBlockForPipelineRequestProto.newBuilder().setBlock(BlockConverter.toProto(block))
            .setClientName(clientName).build())).getBlock());
  }

  @Override
  public void updatePipeline(String clientName, Block oldBlock, Block newBlock,
      List<DataNodeInfo> newNodes) throws IOException {
    invoke(() -> rpc.updatePipeline(null, UpdatePipelineRequestProto.newBuilder()
        .setClientName(clientName).setOldBlock(BlockConverter.toProto(oldBlock))
        .setNewBlock(BlockConverter.toProto(newBlock))
        .addAllNewNodes(DataNodeConverter.toInfoProtos(newNodes)).build()));
  }

  @Override
  public List<DataNodeInfo> getAdditionalDataNodes(String path, long fileId, Block block,
      List<DataNodeInfo> existing, List<String> excluded, int count, String clientName)
      throws IOException {
    GetAdditionalDataNodesRequestProto req = GetAdditionalDataNodesRequestProto.newBuilder()
        .setPath(path).setFileId(fileId).setBlock(BlockConverter.toProto(block))
        .addAllExisting(DataNodeConverter.toInfoProtos(existing)).addAllExcluded(excluded)
        .setCount(count).setClientName(clientName).build();
    return DataNodeConverter.toInfos(
        invoke(() -> rpc.getAdditionalDataNodes(null, req)).getNodesList());
  }

  @Override
  public FsStats getStats() throws IOException {
    return NamespaceConverter.toFsStats(invoke(() -> rpc.getStats(null,
        GetStatsRequestProto.getDefaultInstance())).getStats());
  }

  @Override
  public List<DataNodeInfo> getDataNodeReport() throws IOException {
    return DataNodeConverter.toInfos(invoke(() -> rpc.getDataNodeReport(null,
        GetDataNodeReportRequestProto.getDefaultInstance())).getNodesList());
  }

  @Override
  public boolean setSafeMode(SafeModeAction action) throws IOException {
    return invoke(() -> rpc.setSafeMode(null, SetSafeModeRequestProto.newBuilder()
        .setAction(NamespaceConverter.toProto(action)).build())).getInSafeMode();
  }

  @Override
  public void setDecommission(String datanode, boolean decommission) throws IOException {
    invoke(() -> rpc.setDecommission(null, SetDecommissionRequestProto.newBuilder()
        .setDataNode(datanode).setDecommission(decommission).build()));
  }

  @Override
  public FileBlockHealth getBlockHealth(String path) throws IOException {
    return HealthConverter.toFileBlockHealth(invoke(() -> rpc.getBlockHealth(null,
        GetBlockHealthRequestProto.newBuilder().setPath(path).build())).getHealth());
  }

  @Override
  public ClusterHealth getClusterHealth() throws IOException {
    return HealthConverter.toClusterHealth(invoke(() -> rpc.getClusterHealth(null,
        GetClusterHealthRequestProto.getDefaultInstance())).getHealth());
  }

  @Override
  public boolean mkdirs(String path, short permission, short unmasked, boolean createParent)
      throws IOException {
    MkdirsRequestProto.Builder req = MkdirsRequestProto.newBuilder().setPath(path)
        .setPermission(permission).setCreateParent(createParent);
    if (unmasked >= 0) {
      req.setUnmasked(unmasked);
    }
    return invoke(() -> rpc.mkdirs(null, req.build())).getResult();
  }

  @Override
  public InodeStatus create(String path, short permission, short unmasked, String clientName,
      boolean overwrite, boolean createParent, short replication, long blockSize)
      throws IOException {
    CreateRequestProto.Builder req = CreateRequestProto.newBuilder().setPath(path)
        .setPermission(permission).setClientName(clientName).setOverwrite(overwrite)
        .setCreateParent(createParent).setReplication(replication).setBlockSize(blockSize);
    if (unmasked >= 0) {
      req.setUnmasked(unmasked);
    }
    return NamespaceConverter.toInodeStatus(
        invoke(() -> rpc.create(null, req.build())).getStatus());
  }

  @Override
  public void modifyAclEntries(String path, List<AclEntry> aclSpec) throws IOException {
    invoke(() -> rpc.modifyAclEntries(null, ModifyAclEntriesRequestProto.newBuilder()
        .setPath(path).addAllAclSpec(AclConverter.toProtos(aclSpec)).build()));
  }

  @Override
  public void removeAclEntries(String path, List<AclEntry> aclSpec) throws IOException {
    invoke(() -> rpc.removeAclEntries(null, RemoveAclEntriesRequestProto.newBuilder()
        .setPath(path).addAllAclSpec(AclConverter.toProtos(aclSpec)).build()));
  }

  @Override
  public void removeDefaultAcl(String path) throws IOException {
    invoke(() -> rpc.removeDefaultAcl(null,
        RemoveDefaultAclRequestProto.newBuilder().setPath(path).build()));
  }

  @Override
  public void removeAcl(String path) throws IOException {
    invoke(() -> rpc.removeAcl(null, RemoveAclRequestProto.newBuilder().setPath(path).build()));
  }

  @Override
  public void setAcl(String path, List<AclEntry> aclSpec) throws IOException {
    invoke(() -> rpc.setAcl(null, SetAclRequestProto.newBuilder().setPath(path)
        .addAllAclSpec(AclConverter.toProtos(aclSpec)).build()));
  }

  @Override
  public AclStatus getAclStatus(String path) throws IOException {
    return AclConverter.toAclStatus(invoke(() -> rpc.getAclStatus(null,
        GetAclStatusRequestProto.newBuilder().setPath(path).build())).getStatus());
  }

  @Override
  public void setXAttr(String path, String name, byte[] value, EnumSet<XAttrSetFlag> flags)
      throws IOException {
    invoke(() -> rpc.setXAttr(null, SetXAttrRequestProto.newBuilder().setPath(path)
        .setXattr(AclConverter.toProto(name, value)).setFlags(AclConverter.toBits(flags))
        .build()));
  }

  @Override
  public Map<String, byte[]> getXAttrs(String path, List<String> names) throws IOException {
    return AclConverter.toXAttrMap(invoke(() -> rpc.getXAttrs(null, GetXAttrsRequestProto
        .newBuilder().setPath(path).addAllNames(names).build())).getXattrsList());
  }

  @Override
  public List<String> listXAttrs(String path) throws IOException {
    return List.copyOf(invoke(() -> rpc.listXAttrs(null,
        ListXAttrsRequestProto.newBuilder().setPath(path).build())).getNamesList());
  }

  @Override
  public void removeXAttr(String path, String name) throws IOException {
    invoke(() -> rpc.removeXAttr(null,
        RemoveXAttrRequestProto.newBuilder().setPath(path).setName(name).build()));
  }

  @Override
  public void allowSnapshot(String path) throws IOException {
    invoke(() -> rpc.allowSnapshot(null,
        AllowSnapshotRequestProto.newBuilder().setPath(path).build()));
  }

  @Override
  public void disallowSnapshot(String path) throws IOException {
    invoke(() -> rpc.disallowSnapshot(null,
        DisallowSnapshotRequestProto.newBuilder().setPath(path).build()));
  }

  @Override
  public String createSnapshot(String path, String name) throws IOException {
    CreateSnapshotRequestProto.Builder b = CreateSnapshotRequestProto.newBuilder().setPath(path);
    if (name != null) {
      b.setName(name);
    }
    return invoke(() -> rpc.createSnapshot(null, b.build())).getSnapshotPath();
  }

  @Override
  public void deleteSnapshot(String path, String name) throws IOException {
    invoke(() -> rpc.deleteSnapshot(null,
        DeleteSnapshotRequestProto.newBuilder().setPath(path).setName(name).build()));
  }

  @Override
  public void renameSnapshot(String path, String oldName, String newName) throws IOException {
    invoke(() -> rpc.renameSnapshot(null, RenameSnapshotRequestProto.newBuilder()
        .setPath(path).setOldName(oldName).setNewName(newName).build()));
  }

  @Override
  public List<io.quire.protocol.types.SnapshottableDirectory> getSnapshottableDirListing()
      throws IOException {
    List<io.quire.protocol.types.SnapshottableDirectory> out = new java.util.ArrayList<>();
    for (SnapshottableDirectoryProto d : invoke(() -> rpc.getSnapshottableDirListing(null,
        GetSnapshottableDirListingRequestProto.getDefaultInstance())).getDirsList()) {
      out.add(new io.quire.protocol.types.SnapshottableDirectory(
          NamespaceConverter.toInodeStatus(d.getStatus()), d.getSnapshotCount(),
          d.getSnapshotQuota()));
    }
    return out;
  }

  @Override
  public List<io.quire.protocol.types.SnapshotDiffEntry> getSnapshotDiffReport(String path,
      String from, String to) throws IOException {
    List<io.quire.protocol.types.SnapshotDiffEntry> out = new java.util.ArrayList<>();
    for (SnapshotDiffEntryProto e : invoke(() -> rpc.getSnapshotDiffReport(null,
        GetSnapshotDiffReportRequestProto.newBuilder().setPath(path).setFromSnapshot(from)
            .setToSnapshot(to).build())).getEntriesList()) {
      out.add(new io.quire.protocol.types.SnapshotDiffEntry(e.getType(), e.getPath(),
          e.hasTarget() ? e.getTarget() : null));
    }
    return out;
  }

  @Override
  public void setQuota(String path, long namespaceQuota, long storagespaceQuota)
      throws IOException {
    invoke(() -> rpc.setQuota(null, SetQuotaRequestProto.newBuilder().setPath(path)
        .setNamespaceQuota(namespaceQuota).setStoragespaceQuota(storagespaceQuota).build()));
  }

  @Override
  public org.apache.hadoop.fs.QuotaUsage getQuotaUsage(String path) throws IOException {
    return NamespaceConverter.toQuotaUsage(invoke(() -> rpc.getQuotaUsage(null,
        GetQuotaUsageRequestProto.newBuilder().setPath(path).build())).getUsage());
  }
}
