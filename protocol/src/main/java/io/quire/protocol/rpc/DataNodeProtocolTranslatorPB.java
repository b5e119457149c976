package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.invoke;

import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.proto.DataNodeProtocolProtos.*;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.ipc.ProtocolTranslator;
import org.apache.hadoop.ipc.RPC;

/**
 * Client side of {@link DataNodeProtocol}, used by a DataNode's actor for one NameNode:
 * encodes each call for the {@link DataNodeProtocolPB} proxy and decodes the answer; a server
 * exception arrives as its own class. {@link #close()} stops the IPC proxy.
 */
public final class DataNodeProtocolTranslatorPB
    implements DataNodeProtocol, ProtocolTranslator, Closeable {
  private final DataNodeProtocolPB rpc;

  public DataNodeProtocolTranslatorPB(DataNodeProtocolPB rpc) {
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
  public NamespaceInfo versionRequest() throws IOException {
    return DataNodeConverter.toNamespaceInfo(invoke(() -> rpc.versionRequest(null,
        VersionRequestProto.getDefaultInstance())).getInfo());
  }

  @Override
  public DataNodeRegistration registerDataNode(DataNodeRegistration registration)
      throws IOException {
    return DataNodeConverter.toRegistration(invoke(() -> rpc.registerDataNode(null,
        RegisterDataNodeRequestProto.newBuilder()
            .setRegistration(DataNodeConverter.toProto(registration)).build()))
        .getRegistration());
  }

  @Override
  public HeartbeatResponse sendHeartbeat(DataNodeRegistration registration,
      StorageReport report) throws IOException {
    HeartbeatResponseProto r = invoke(() -> rpc.sendHeartbeat(null,
        HeartbeatRequestProto.newBuilder()
            .setRegistration(DataNodeConverter.toProto(registration))
            .setReport(DataNodeConverter.toProto(report)).build()));
    return new HeartbeatResponse(HaConverter.toNameNodeHaState(r.getNameNode()),
        DataNodeConverter.toCommands(r.getCommandsList()),
        r.hasKeys() ? TokenConverter.toKeys(r.getKeys()) : null);
  }

  @Override
  public HeartbeatResponse blockReport(DataNodeRegistration registration,
      List<ReportedBlock> blocks) throws IOException {
    BlockReportResponseProto r = invoke(() -> rpc.blockReport(null,
        BlockReportRequestProto.newBuilder()
            .setRegistration(DataNodeConverter.toProto(registration))
            .addAllBlocks(BlockConverter.toReportedBlockProtos(blocks)).build()));
    return new HeartbeatResponse(HaConverter.toNameNodeHaState(r.getNameNode()),
        DataNodeConverter.toCommands(r.getCommandsList()),
        r.hasKeys() ? TokenConverter.toKeys(r.getKeys()) : null);
  }

  @Override
  public void blockReceivedAndDeleted(DataNodeRegistration registration,
      List<ReportedBlock> received, List<Block> deleted) throws IOException {
    invoke(() -> rpc.blockReceivedAndDeleted(null, BlockReceivedAndDeletedRequestProto
        .newBuilder().setRegistration(DataNodeConverter.toProto(registration))
        .addAllReceived(BlockConverter.toReportedBlockProtos(received))
        .addAllDeleted(BlockConverter.toBlockProtos(deleted)).build()));
  }

  @Override
  public void reportBadBlocks(DataNodeRegistration registration, List<Block> blocks)
      throws IOException {
    invoke(() -> rpc.reportBadBlocks(null, DataNodeReportBadBlocksRequestProto.newBuilder()
        .setRegistration(DataNodeConverter.toProto(registration))
        .addAllBlocks(BlockConverter.toBlockProtos(blocks)).build()));
  }

  @Override
  public void commitBlockSynchronization(Block block, long newGenerationStamp, long newLength,
      boolean closeFile, boolean deleteBlock, List<DataNodeId> newTargets) throws IOException {
    invoke(() -> rpc.commitBlockSynchronization(null,
        CommitBlockSynchronizationRequestProto.newBuilder()
            .setBlock(BlockConverter.toProto(block))
            .setNewGenerationStamp(newGenerationStamp).setNewLength(newLength)
            .setCloseFile(closeFile).setDeleteBlock(deleteBlock)
            .addAllNewTargets(DataNodeConverter.toIdProtos(newTargets)).build()));
  }
}
