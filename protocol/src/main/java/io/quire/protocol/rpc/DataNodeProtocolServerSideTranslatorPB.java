package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.serve;

import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.proto.DataNodeProtocolProtos.*;
import io.quire.protocol.types.HeartbeatResponse;
import java.util.Objects;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/**
 * Server side of {@link DataNodeProtocol}: decodes each request, calls the NameNode's
 * implementation and encodes the answer. An IOException of the implementation (e.g.
 * UnregisteredNodeException) reaches the DataNode as the same class.
 */
public final class DataNodeProtocolServerSideTranslatorPB implements DataNodeProtocolPB {
  private final DataNodeProtocol impl;

  public DataNodeProtocolServerSideTranslatorPB(DataNodeProtocol impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public VersionResponseProto versionRequest(RpcController c, VersionRequestProto req)
      throws ServiceException {
    return serve(() -> VersionResponseProto.newBuilder()
        .setInfo(DataNodeConverter.toProto(impl.versionRequest())).build());
  }

  @Override
  public RegisterDataNodeResponseProto registerDataNode(RpcController c,
      RegisterDataNodeRequestProto req) throws ServiceException {
    return serve(() -> RegisterDataNodeResponseProto.newBuilder().setRegistration(
        DataNodeConverter.toProto(impl.registerDataNode(
            DataNodeConverter.toRegistration(req.getRegistration())))).build());
  }

  @Override
  public HeartbeatResponseProto sendHeartbeat(RpcController c, HeartbeatRequestProto req)
      throws ServiceException {
    return serve(() -> {
      HeartbeatResponse r = impl.sendHeartbeat(
          DataNodeConverter.toRegistration(req.getRegistration()),
          DataNodeConverter.toStorageReport(req.getReport()));
      HeartbeatResponseProto.Builder b = HeartbeatResponseProto.newBuilder()
          .addAllCommands(DataNodeConverter.toCommandProtos(r.commands()))
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
          DataNodeConverter.toRegistration(req.getRegistration()),
          BlockConverter.toReportedBlocks(req.getBlocksList()));
      BlockReportResponseProto.Builder b = BlockReportResponseProto.newBuilder()
          .addAllCommands(DataNodeConverter.toCommandProtos(r.commands()))
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
      impl.blockReceivedAndDeleted(DataNodeConverter.toRegistration(req.getRegistration()),
          BlockConverter.toReportedBlocks(req.getReceivedList()),
          BlockConverter.toBlocks(req.getDeletedList()));
      return BlockReceivedAndDeletedResponseProto.getDefaultInstance();
    });
  }

  @Override
  public DataNodeReportBadBlocksResponseProto reportBadBlocks(RpcController c,
      DataNodeReportBadBlocksRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.reportBadBlocks(DataNodeConverter.toRegistration(req.getRegistration()),
          BlockConverter.toBlocks(req.getBlocksList()));
      return DataNodeReportBadBlocksResponseProto.getDefaultInstance();
    });
  }

  @Override
  public CommitBlockSynchronizationResponseProto commitBlockSynchronization(RpcController c,
      CommitBlockSynchronizationRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.commitBlockSynchronization(BlockConverter.toBlock(req.getBlock()),
          req.getNewGenerationStamp(), req.getNewLength(), req.getCloseFile(),
          req.getDeleteBlock(), DataNodeConverter.toIds(req.getNewTargetsList()));
      return CommitBlockSynchronizationResponseProto.getDefaultInstance();
    });
  }
}
