package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.serve;

import io.quire.protocol.datanode.DatanodeProtocol;
import io.quire.protocol.proto.DatanodeProtocolProtos.*;
import io.quire.protocol.types.HeartbeatResponse;
import java.util.Objects;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/**
 * Server side of {@link DatanodeProtocol}: decodes each request, calls the NameNode's
 * implementation and encodes the answer. An IOException of the implementation (e.g.
 * UnregisteredNodeException) reaches the DataNode as the same class.
 */
public final class DatanodeProtocolServerSideTranslatorPB implements DatanodeProtocolPB {
  private final DatanodeProtocol impl;

  public DatanodeProtocolServerSideTranslatorPB(DatanodeProtocol impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public VersionResponseProto versionRequest(RpcController c, VersionRequestProto req)
      throws ServiceException {
    return serve(() -> VersionResponseProto.newBuilder()
        .setInfo(DatanodeConverter.toProto(impl.versionRequest())).build());
  }

  @Override
  public RegisterDatanodeResponseProto registerDatanode(RpcController c,
      RegisterDatanodeRequestProto req) throws ServiceException {
    return serve(() -> RegisterDatanodeResponseProto.newBuilder().setRegistration(
        DatanodeConverter.toProto(impl.registerDatanode(
            DatanodeConverter.toRegistration(req.getRegistration())))).build());
  }

  @Override
  public HeartbeatResponseProto sendHeartbeat(RpcController c, HeartbeatRequestProto req)
      throws ServiceException {
    return serve(() -> {
      HeartbeatResponse r = impl.sendHeartbeat(
          DatanodeConverter.toRegistration(req.getRegistration()),
          DatanodeConverter.toStorageReport(req.getReport()));
      HeartbeatResponseProto.Builder b = HeartbeatResponseProto.newBuilder()
          .addAllCommands(DatanodeConverter.toCommandProtos(r.commands()))
          .setNameNode(HaConverter.toProto(r.nameNode()));
      if (!r.keys().isEmpty()) {
        b.setKeys(TokenConverter.toProto(r.keys()));
      }
      return b.build();
    });
  }

  @Override
  public BlockReportResponseProto blockReport(RpcController c, BlockReportRequestProto req)
      throws ServiceException {
    return serve(() -> {
      HeartbeatResponse r = impl.blockReport(
          DatanodeConverter.toRegistration(req.getRegistration()),
          BlockConverter.toReportedBlocks(req.getBlocksList()));
      BlockReportResponseProto.Builder b = BlockReportResponseProto.newBuilder()
          .addAllCommands(DatanodeConverter.toCommandProtos(r.commands()))
          .setNameNode(HaConverter.toProto(r.nameNode()));
      if (!r.keys().isEmpty()) {
        b.setKeys(TokenConverter.toProto(r.keys()));
      }
      return b.build();
    });
  }

  @Override
  public BlockReceivedAndDeletedResponseProto blockReceivedAndDeleted(RpcController c,
      BlockReceivedAndDeletedRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.blockReceivedAndDeleted(DatanodeConverter.toRegistration(req.getRegistration()),
          BlockConverter.toReportedBlocks(req.getReceivedList()),
          BlockConverter.toBlocks(req.getDeletedList()));
      return BlockReceivedAndDeletedResponseProto.getDefaultInstance();
    });
  }

  @Override
  public DatanodeReportBadBlocksResponseProto reportBadBlocks(RpcController c,
      DatanodeReportBadBlocksRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.reportBadBlocks(DatanodeConverter.toRegistration(req.getRegistration()),
          BlockConverter.toBlocks(req.getBlocksList()));
      return DatanodeReportBadBlocksResponseProto.getDefaultInstance();
    });
  }

  @Override
  public CommitBlockSynchronizationResponseProto commitBlockSynchronization(RpcController c,
      CommitBlockSynchronizationRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.commitBlockSynchronization(BlockConverter.toBlock(req.getBlock()),
          req.getNewGenerationStamp(), req.getNewLength(), req.getCloseFile(),
          req.getDeleteBlock(), DatanodeConverter.toIds(req.getNewTargetsList()));
      return CommitBlockSynchronizationResponseProto.getDefaultInstance();
    });
  }
}
