package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.invoke;

import io.quire.protocol.datanode.DatanodeProtocol;
import io.quire.protocol.proto.DatanodeProtocolProtos.*;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.DatanodeId;
import io.quire.protocol.types.DatanodeRegistration;
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
 * Client side of {@link DatanodeProtocol}, used by a DataNode's actor for one NameNode:
 * encodes each call for the {@link DatanodeProtocolPB} proxy and decodes the answer; a server
 * exception arrives as its own class. {@link #close()} stops the IPC proxy.
 */
public final class DatanodeProtocolTranslatorPB
    implements DatanodeProtocol, ProtocolTranslator, Closeable {
  private final DatanodeProtocolPB rpc;

  public DatanodeProtocolTranslatorPB(DatanodeProtocolPB rpc) {
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
    return DatanodeConverter.toNamespaceInfo(invoke(() -> rpc.versionRequest(null,
        VersionRequestProto.getDefaultInstance())).getInfo());
  }

  @Override
  public DatanodeRegistration registerDatanode(DatanodeRegistration registration)
      throws IOException {
    return DatanodeConverter.toRegistration(invoke(() -> rpc.registerDatanode(null,
        RegisterDatanodeRequestProto.newBuilder()
            .setRegistration(DatanodeConverter.toProto(registration)).build()))
        .getRegistration());
  }

  @Override
  public HeartbeatResponse sendHeartbeat(DatanodeRegistration registration,
      StorageReport report) throws IOException {
    HeartbeatResponseProto r = invoke(() -> rpc.sendHeartbeat(null,
        HeartbeatRequestProto.newBuilder()
            .setRegistration(DatanodeConverter.toProto(registration))
            .setReport(DatanodeConverter.toProto(report)).build()));
    return new HeartbeatResponse(HaConverter.toNameNodeHaState(r.getNameNode()),
        DatanodeConverter.toCommands(r.getCommandsList()),
        r.hasKeys() ? TokenConverter.toKeys(r.getKeys()) : null);
  }

  @Override
  public HeartbeatResponse blockReport(DatanodeRegistration registration,
      List<ReportedBlock> blocks) throws IOException {
    BlockReportResponseProto r = invoke(() -> rpc.blockReport(null,
        BlockReportRequestProto.newBuilder()
            .setRegistration(DatanodeConverter.toProto(registration))
            .addAllBlocks(BlockConverter.toReportedBlockProtos(blocks)).build()));
    return new HeartbeatResponse(HaConverter.toNameNodeHaState(r.getNameNode()),
        DatanodeConverter.toCommands(r.getCommandsList()),
        r.hasKeys() ? TokenConverter.toKeys(r.getKeys()) : null);
  }

  @Override
  public void blockReceivedAndDeleted(DatanodeRegistration registration,
      List<ReportedBlock> received, List<Block> deleted) throws IOException {
    invoke(() -> rpc.blockReceivedAndDeleted(null, BlockReceivedAndDeletedRequestProto
        .newBuilder().setRegistration(DatanodeConverter.toProto(registration))
        .addAllReceived(BlockConverter.toReportedBlockProtos(received))
        .addAllDeleted(BlockConverter.toBlockProtos(deleted)).build()));
  }

  @Override
  public void reportBadBlocks(DatanodeRegistration registration, List<Block> blocks)
      throws IOException {
    invoke(() -> rpc.reportBadBlocks(null, DatanodeReportBadBlocksRequestProto.newBuilder()
        .setRegistration(DatanodeConverter.toProto(registration))
        .addAllBlocks(BlockConverter.toBlockProtos(blocks)).build()));
  }

  @Override
  public void commitBlockSynchronization(Block block, long newGenerationStamp, long newLength,
      boolean closeFile, boolean deleteBlock, List<DatanodeId> newTargets) throws IOException {
    invoke(() -> rpc.commitBlockSynchronization(null,
        CommitBlockSynchronizationRequestProto.newBuilder()
            .setBlock(BlockConverter.toProto(block))
            .setNewGenerationStamp(newGenerationStamp).setNewLength(newLength)
            .setCloseFile(closeFile).setDeleteBlock(deleteBlock)
            .addAllNewTargets(DatanodeConverter.toIdProtos(newTargets)).build()));
  }
}
