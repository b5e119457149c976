package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.serve;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.*;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import java.util.Objects;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/**
 * Server side of {@link ClientProtocol}: decodes each request, calls the NameNode's
 * implementation and encodes the answer. An IOException of the implementation leaves as a
 * ServiceException, which Hadoop IPC sends to the client as a RemoteException of the same
 * class. IPC's {@code Server.getCallId()/getClientId()} stay visible to the implementation
 * because it runs on the IPC handler thread.
 */
public final class ClientProtocolServerSideTranslatorPB implements ClientProtocolPB {
  private final ClientProtocol impl;

  public ClientProtocolServerSideTranslatorPB(ClientProtocol impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public GetServerDefaultsResponseProto getServerDefaults(RpcController c,
      GetServerDefaultsRequestProto req) throws ServiceException {
    return serve(() -> GetServerDefaultsResponseProto.newBuilder()
        .setDefaults(NamespaceConverter.toProto(impl.getServerDefaults())).build());
  }

  @Override
  public GetFileInfoResponseProto getFileInfo(RpcController c, GetFileInfoRequestProto req)
      throws ServiceException {
    return serve(() -> {
      InodeStatus status = impl.getFileInfo(req.getPath());
      GetFileInfoResponseProto.Builder b = GetFileInfoResponseProto.newBuilder();
      if (status != null) {
        b.setStatus(NamespaceConverter.toProto(status));
      }
      return b.build();
    });
  }

  @Override
  public MkdirsResponseProto mkdirs(RpcController c, MkdirsRequestProto req)
      throws ServiceException {
    return serve(() -> MkdirsResponseProto.newBuilder().setResult(req.hasUnmasked()
        ? impl.mkdirs(req.getPath(), (short) req.getPermission(), (short) req.getUnmasked(),
            req.getCreateParent())
        : impl.mkdirs(req.getPath(), (short) req.getPermission(), req.getCreateParent()))
        .build());
  }

  @Override
  public CreateResponseProto create(RpcController c, CreateRequestProto req)
      throws ServiceException {
    return serve(() -> CreateResponseProto.newBuilder().setStatus(NamespaceConverter.toProto(
        req.hasUnmasked()
            ? impl.create(req.getPath(), (short) req.getPermission(), (short) req.getUnmasked(),
                req.getClientName(), req.getOverwrite(), req.getCreateParent(),
                (short) req.getReplication(), req.getBlockSize())
            : impl.create(req.getPath(), (short) req.getPermission(), req.getClientName(),
                req.getOverwrite(), req.getCreateParent(), (short) req.getReplication(),
                req.getBlockSize()))).build());
  }

  @Override
  public AppendResponseProto append(RpcController c, AppendRequestProto req)
      throws ServiceException {
    return serve(() -> {
      LocatedBlock last = impl.append(req.getPath(), req.getClientName());
      AppendResponseProto.Builder b = AppendResponseProto.newBuilder();
      if (last != null) {
        b.setLastBlock(BlockConverter.toProto(last));
      }
      return b.build();
    });
  }

  @Override
  public AddBlockResponseProto addBlock(RpcController c, AddBlockRequestProto req)
      throws ServiceException {
    return serve(() -> AddBlockResponseProto.newBuilder().setBlock(BlockConverter.toProto(
        impl.addBlock(req.getPath(), req.getFileId(), req.getClientName(),
            req.hasPrevious() ? BlockConverter.toBlock(req.getPrevious()) : null,
            req.getExcludedNodesList(), req.hasClientHost() ? req.getClientHost() : null)))
        .build());
  }

  @Override
  public AbandonBlockResponseProto abandonBlock(RpcController c, AbandonBlockRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.abandonBlock(req.getPath(), req.getFileId(), req.getClientName(),
          BlockConverter.toBlock(req.getBlock()));
      return AbandonBlockResponseProto.getDefaultInstance();
    });
  }

  @Override
  public CompleteResponseProto complete(RpcController c, CompleteRequestProto req)
      throws ServiceException {
    return serve(() -> CompleteResponseProto.newBuilder().setResult(impl.complete(
        req.getPath(), req.getFileId(), req.getClientName(),
        req.hasLast() ? BlockConverter.toBlock(req.getLast()) : null)).build());
  }

  @Override
  public FsyncResponseProto fsync(RpcController c, FsyncRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.fsync(req.getPath(), req.getFileId(), req.getClientName(), req.getLastBlockLength());
      return FsyncResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetBlockLocationsResponseProto getBlockLocations(RpcController c,
      GetBlockLocationsRequestProto req) throws ServiceException {
    return serve(() -> GetBlockLocationsResponseProto.newBuilder().setLocations(
        BlockConverter.toProto(impl.getBlockLocations(req.getPath(), req.getOffset(),
            req.getLength()))).build());
  }

  @Override
  public GetListingResponseProto getListing(RpcController c, GetListingRequestProto req)
      throws ServiceException {
    return serve(() -> GetListingResponseProto.newBuilder().setListing(
        NamespaceConverter.toProto(impl.getListing(req.getPath(),
            req.hasStartAfter() ? req.getStartAfter() : null, req.getNeedLocation()))).build());
  }

  @Override
  public RenameResponseProto rename(RpcController c, RenameRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.rename(req.getSrc(), req.getDst(), NamespaceConverter.toRenameMode(req.getMode()));
      return RenameResponseProto.getDefaultInstance();
    });
  }

  @Override
  public DeleteResponseProto delete(RpcController c, DeleteRequestProto req)
      throws ServiceException {
    return serve(() -> DeleteResponseProto.newBuilder()
        .setResult(impl.delete(req.getPath(), req.getRecursive())).build());
  }

  @Override
  public SetPermissionResponseProto setPermission(RpcController c,
      SetPermissionRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.setPermission(req.getPath(), (short) req.getPermission());
      return SetPermissionResponseProto.getDefaultInstance();
    });
  }

  @Override
  public SetOwnerResponseProto setOwner(RpcController c, SetOwnerRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.setOwner(req.getPath(), req.hasOwner() ? req.getOwner() : null,
          req.hasGroup() ? req.getGroup() : null);
      return SetOwnerResponseProto.getDefaultInstance();
    });
  }

  @Override
  public SetTimesResponseProto setTimes(RpcController c, SetTimesRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.setTimes(req.getPath(), req.getModificationTime(), req.getAccessTime());
      return SetTimesResponseProto.getDefaultInstance();
    });
  }

  @Override
  public SetReplicationResponseProto setReplication(RpcController c,
      SetReplicationRequestProto req) throws ServiceException {
    return serve(() -> SetReplicationResponseProto.newBuilder()
        .setResult(impl.setReplication(req.getPath(), (short) req.getReplication())).build());
  }

  @Override
  public GetContentSummaryResponseProto getContentSummary(RpcController c,
      GetContentSummaryRequestProto req) throws ServiceException {
    return serve(() -> GetContentSummaryResponseProto.newBuilder().setSummary(
        NamespaceConverter.toProto(impl.getContentSummary(req.getPath()))).build());
  }

  @Override
  public ConcatResponseProto concat(RpcController c, ConcatRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.concat(req.getTarget(), req.getSourcesList());
      return ConcatResponseProto.getDefaultInstance();
    });
  }

  @Override
  public TruncateResponseProto truncate(RpcController c, TruncateRequestProto req)
      throws ServiceException {
    return serve(() -> TruncateResponseProto.newBuilder().setResult(
        impl.truncate(req.getPath(), req.getNewLength(), req.getClientName())).build());
  }

  @Override
  public RenewLeaseResponseProto renewLease(RpcController c, RenewLeaseRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.renewLease(req.getClientName());
      return RenewLeaseResponseProto.getDefaultInstance();
    });
  }

  @Override
  public RecoverLeaseResponseProto recoverLease(RpcController c, RecoverLeaseRequestProto req)
      throws ServiceException {
    return serve(() -> RecoverLeaseResponseProto.newBuilder()
        .setResult(impl.recoverLease(req.getPath(), req.getClientName())).build());
  }

  @Override
  public IsFileClosedResponseProto isFileClosed(RpcController c, IsFileClosedRequestProto req)
      throws ServiceException {
    return serve(() -> IsFileClosedResponseProto.newBuilder()
        .setResult(impl.isFileClosed(req.getPath())).build());
  }

  @Override
  public ReportBadBlocksResponseProto reportBadBlocks(RpcController c,
      ReportBadBlocksRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.reportBadBlocks(BlockConverter.toLocatedBlockList(req.getBlocksList()));
      return ReportBadBlocksResponseProto.getDefaultInstance();
    });
  }

  @Override
  public UpdateBlockForPipelineResponseProto updateBlockForPipeline(RpcController c,
      UpdateBlockForPipelineRequestProto req) throws ServiceException {
    return serve(() -> UpdateBlockForPipelineResponseProto.newBuilder().setBlock(
        BlockConverter.toProto(impl.updateBlockForPipeline(
            BlockConverter.toBlock(req.getBlock()), req.getClientName()))).build());
  }

  @Override
  public UpdatePipelineResponseProto updatePipeline(RpcController c,
      UpdatePipelineRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.updatePipeline(req.getClientName(), BlockConverter.toBlock(req.getOldBlock()),
          BlockConverter.toBlock(req.getNewBlock()),
          DataNodeConverter.toInfos(req.getNewNodesList()));
      return UpdatePipelineResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetAdditionalDataNodesResponseProto getAdditionalDataNodes(RpcController c,
      GetAdditionalDataNodesRequestProto req) throws ServiceException {
    return serve(() -> GetAdditionalDataNodesResponseProto.newBuilder().addAllNodes(
        DataNodeConverter.toInfoProtos(impl.getAdditionalDataNodes(req.getPath(),
            req.getFileId(), BlockConverter.toBlock(req.getBlock()),
            DataNodeConverter.toInfos(req.getExistingList()), req.getExcludedList(),
            req.getCount(), req.getClientName()))).build());
  }

  @Override
  public GetStatsResponseProto getStats(RpcController c, GetStatsRequestProto req)
      throws ServiceException {
    return serve(() -> GetStatsResponseProto.newBuilder()
        .setStats(NamespaceConverter.toProto(impl.getStats())).build());
  }

  @Override
  public GetDataNodeReportResponseProto getDataNodeReport(RpcController c,
      GetDataNodeReportRequestProto req) throws ServiceException {
    return serve(() -> GetDataNodeReportResponseProto.newBuilder()
        .addAllNodes(DataNodeConverter.toInfoProtos(impl.getDataNodeReport())).build());
  }

  @Override
  public SetSafeModeResponseProto setSafeMode(RpcController c, SetSafeModeRequestProto req)
      throws ServiceException {
    return serve(() -> SetSafeModeResponseProto.newBuilder().setInSafeMode(
        impl.setSafeMode(NamespaceConverter.toSafeModeAction(req.getAction()))).build());
  }

  @Override
  public SetDecommissionResponseProto setDecommission(RpcController c,
      SetDecommissionRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.setDecommission(req.getDataNode(), req.getDecommission());
      return SetDecommissionResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetBlockHealthResponseProto getBlockHealth(RpcController c,
      GetBlockHealthRequestProto req) throws ServiceException {
    return serve(() -> GetBlockHealthResponseProto.newBuilder()
        .setHealth(HealthConverter.toProto(impl.getBlockHealth(req.getPath()))).build());
  }

  @Override
  public GetClusterHealthResponseProto getClusterHealth(RpcController c,
      GetClusterHealthRequestProto req) throws ServiceException {
    return serve(() -> GetClusterHealthResponseProto.newBuilder()
        .setHealth(HealthConverter.toProto(impl.getClusterHealth())).build());
  }

  @Override
  public ModifyAclEntriesResponseProto modifyAclEntries(RpcController c,
      ModifyAclEntriesRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.modifyAclEntries(req.getPath(), AclConverter.toAclEntries(req.getAclSpecList()));
      return ModifyAclEntriesResponseProto.getDefaultInstance();
    });
  }

  @Override
  public RemoveAclEntriesResponseProto removeAclEntries(RpcController c,
      RemoveAclEntriesRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.removeAclEntries(req.getPath(), AclConverter.toAclEntries(req.getAclSpecList()));
      return RemoveAclEntriesResponseProto.getDefaultInstance();
    });
  }

  @Override
  public RemoveDefaultAclResponseProto removeDefaultAcl(RpcController c,
      RemoveDefaultAclRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.removeDefaultAcl(req.getPath());
      return RemoveDefaultAclResponseProto.getDefaultInstance();
    });
  }

  @Override
  public RemoveAclResponseProto removeAcl(RpcController c, RemoveAclRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.removeAcl(req.getPath());
      return RemoveAclResponseProto.getDefaultInstance();
    });
  }

  @Override
  public SetAclResponseProto setAcl(RpcController c, SetAclRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.setAcl(req.getPath(), AclConverter.toAclEntries(req.getAclSpecList()));
      return SetAclResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetAclStatusResponseProto getAclStatus(RpcController c, GetAclStatusRequestProto req)
      throws ServiceException {
    return serve(() -> GetAclStatusResponseProto.newBuilder()
        .setStatus(AclConverter.toProto(impl.getAclStatus(req.getPath()))).build());
  }

  @Override
  public SetXAttrResponseProto setXAttr(RpcController c, SetXAttrRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.setXAttr(req.getPath(), req.getXattr().getName(),
          req.getXattr().hasValue() ? req.getXattr().getValue().toByteArray() : null,
          AclConverter.toFlags(req.getFlags()));
      return SetXAttrResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetXAttrsResponseProto getXAttrs(RpcController c, GetXAttrsRequestProto req)
      throws ServiceException {
    return serve(() -> {
      GetXAttrsResponseProto.Builder b = GetXAttrsResponseProto.newBuilder();
      impl.getXAttrs(req.getPath(), req.getNamesList())
          .forEach((name, value) -> b.addXattrs(AclConverter.toProto(name, value)));
      return b.build();
    });
  }

  @Override
  public ListXAttrsResponseProto listXAttrs(RpcController c, ListXAttrsRequestProto req)
      throws ServiceException {
    return serve(() -> ListXAttrsResponseProto.newBuilder()
        .addAllNames(impl.listXAttrs(req.getPath())).build());
  }

  @Override
  public RemoveXAttrResponseProto removeXAttr(RpcController c, RemoveXAttrRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.removeXAttr(req.getPath(), req.getName());
      return RemoveXAttrResponseProto.getDefaultInstance();
    });
  }

  @Override
  public AllowSnapshotResponseProto allowSnapshot(RpcController c, AllowSnapshotRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.allowSnapshot(req.getPath());
      return AllowSnapshotResponseProto.getDefaultInstance();
    });
  }

  @Override
  public DisallowSnapshotResponseProto disallowSnapshot(RpcController c,
      DisallowSnapshotRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.disallowSnapshot(req.getPath());
      return DisallowSnapshotResponseProto.getDefaultInstance();
    });
  }

  @Override
  public CreateSnapshotResponseProto createSnapshot(RpcController c,
      CreateSnapshotRequestProto req) throws ServiceException {
    return serve(() -> CreateSnapshotResponseProto.newBuilder().setSnapshotPath(
        impl.createSnapshot(req.getPath(), req.hasName() ? req.getName() : null)).build());
  }

  @Override
  public DeleteSnapshotResponseProto deleteSnapshot(RpcController c,
      DeleteSnapshotRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.deleteSnapshot(req.getPath(), req.getName());
      return DeleteSnapshotResponseProto.getDefaultInstance();
    });
  }

  @Override
  public RenameSnapshotResponseProto renameSnapshot(RpcController c,
      RenameSnapshotRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.renameSnapshot(req.getPath(), req.getOldName(), req.getNewName());
      return RenameSnapshotResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetSnapshottableDirListingResponseProto getSnapshottableDirListing(RpcController c,
      GetSnapshottableDirListingRequestProto req) throws ServiceException {
    return serve(() -> {
      GetSnapshottableDirListingResponseProto.Builder b =
          GetSnapshottableDirListingResponseProto.newBuilder();
      for (io.quire.protocol.types.SnapshottableDirectory d : impl.getSnapshottableDirListing()) {
        b.addDirs(SnapshottableDirectoryProto.newBuilder()
            .setStatus(NamespaceConverter.toProto(d.status()))
            .setSnapshotCount(d.snapshotCount()).setSnapshotQuota(d.snapshotQuota()));
      }
      return b.build();
    });
  }

  @Override
  public GetSnapshotDiffReportResponseProto getSnapshotDiffReport(RpcController c,
      GetSnapshotDiffReportRequestProto req) throws ServiceException {
    return serve(() -> {
      GetSnapshotDiffReportResponseProto.Builder b =
          GetSnapshotDiffReportResponseProto.newBuilder();
      for (io.quire.protocol.types.SnapshotDiffEntry e : impl.getSnapshotDiffReport(
          req.getPath(), req.getFromSnapshot(), req.getToSnapshot())) {
        SnapshotDiffEntryProto.Builder eb = SnapshotDiffEntryProto.newBuilder()
            .setType(e.type()).setPath(e.path());
        if (e.target() != null) {
          eb.setTarget(e.target());
        }
        b.addEntries(eb);
      }
      return b.build();
    });
  }

  @Override
  public SetQuotaResponseProto setQuota(RpcController c, SetQuotaRequestProto req)
      throws ServiceException {
    return serve(() -> {
      impl.setQuota(req.getPath(), req.getNamespaceQuota(), req.getStoragespaceQuota());
      return SetQuotaResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetQuotaUsageResponseProto getQuotaUsage(RpcController c,
      GetQuotaUsageRequestProto req) throws ServiceException {
    return serve(() -> GetQuotaUsageResponseProto.newBuilder()
        .setUsage(NamespaceConverter.toProto(impl.getQuotaUsage(req.getPath()))).build());
  }
}
