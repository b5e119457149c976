package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.DataNodeCommandProto;
import io.quire.protocol.proto.QuireTypesProtos.DataNodeIdProto;
import io.quire.protocol.proto.QuireTypesProtos.DataNodeInfoProto;
import io.quire.protocol.proto.QuireTypesProtos.DataNodeInfosProto;
import io.quire.protocol.proto.QuireTypesProtos.DataNodeRegistrationProto;
import io.quire.protocol.proto.QuireTypesProtos.DataNodeStateProto;
import io.quire.protocol.proto.QuireTypesProtos.NamespaceInfoProto;
import io.quire.protocol.proto.QuireTypesProtos.StorageReportProto;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.StorageReport;
import java.util.List;

/**
 * Converts DataNode types (identity, info, registration, storage report, namespace info,
 * commands) between their Java and protobuf forms. A null rack, state, cluster id or software
 * version travels as an absent optional field and comes back as null.
 */
public final class DataNodeConverter {
  private DataNodeConverter() {}

  public static DataNodeIdProto toProto(DataNodeId id) {
    return DataNodeIdProto.newBuilder()
        .setUuid(id.getUuid()).setHost(id.getHost()).setDataPort(id.getDataPort()).build();
  }

  public static DataNodeId toId(DataNodeIdProto p) {
    return new DataNodeId(p.getUuid(), p.getHost(), p.getDataPort());
  }

  public static List<DataNodeIdProto> toIdProtos(List<DataNodeId> ids) {
    return ids.stream().map(DataNodeConverter::toProto).toList();
  }

  public static List<DataNodeId> toIds(List<DataNodeIdProto> protos) {
    return protos.stream().map(DataNodeConverter::toId).toList();
  }

  public static DataNodeInfoProto toProto(DataNodeInfo d) {
    DataNodeInfoProto.Builder b = DataNodeInfoProto.newBuilder()
        .setId(toProto((DataNodeId) d))
        .setCapacity(d.getCapacity())
        .setUsed(d.getUsed())
        .setRemaining(d.getRemaining())
        .setActiveTransfers(d.getActiveTransfers())
        .setLastHeartbeatMillis(d.getLastHeartbeatMillis());
    if (d.getRack() != null) {
      b.setRack(d.getRack());
    }
    if (d.getState() != null) {
      b.setState(toProto(d.getState()));
    }
    return b.build();
  }

  public static DataNodeInfo toInfo(DataNodeInfoProto p) {
    return new DataNodeInfo(toId(p.getId()), p.getCapacity(), p.getUsed(), p.getRemaining(),
        p.getActiveTransfers(), p.getLastHeartbeatMillis(), p.hasRack() ? p.getRack() : null,
        p.hasState() ? toState(p.getState()) : null);
  }

  public static List<DataNodeInfoProto> toInfoProtos(List<DataNodeInfo> nodes) {
    return nodes.stream().map(DataNodeConverter::toProto).toList();
  }

  public static List<DataNodeInfo> toInfos(List<DataNodeInfoProto> protos) {
    return protos.stream().map(DataNodeConverter::toInfo).toList();
  }

  public static DataNodeRegistrationProto toProto(DataNodeRegistration r) {
    DataNodeRegistrationProto.Builder b =
        DataNodeRegistrationProto.newBuilder().setId(toProto(r.getId()));
    if (r.getClusterId() != null) {
      b.setClusterId(r.getClusterId());
    }
    if (r.getSoftwareVersion() != null) {
      b.setSoftwareVersion(r.getSoftwareVersion());
    }
    return b.build();
  }

  public static DataNodeRegistration toRegistration(DataNodeRegistrationProto p) {
    return new DataNodeRegistration(toId(p.getId()), p.hasClusterId() ? p.getClusterId() : null,
        p.hasSoftwareVersion() ? p.getSoftwareVersion() : null);
  }

  public static StorageReportProto toProto(StorageReport r) {
    return StorageReportProto.newBuilder()
        .setCapacity(r.getCapacity())
        .setUsed(r.getUsed())
        .setRemaining(r.getRemaining())
        .setActiveTransfers(r.getActiveTransfers())
        .setFailedVolumes(r.getFailedVolumes())
        .build();
  }

  public static StorageReport toStorageReport(StorageReportProto p) {
    return new StorageReport(p.getCapacity(), p.getUsed(), p.getRemaining(),
        p.getActiveTransfers(), p.getFailedVolumes());
  }

  public static NamespaceInfoProto toProto(NamespaceInfo n) {
    return NamespaceInfoProto.newBuilder()
        .setClusterId(n.getClusterId()).setLayoutVersion(n.getLayoutVersion())
        .setBlockTokensEnabled(n.isBlockTokensEnabled()).build();
  }

  public static NamespaceInfo toNamespaceInfo(NamespaceInfoProto p) {
    return new NamespaceInfo(p.getClusterId(), p.getLayoutVersion(), p.getBlockTokensEnabled());
  }

  public static DataNodeCommandProto toProto(DataNodeCommand c) {
    DataNodeCommandProto.Builder b = DataNodeCommandProto.newBuilder()
        .setType(toProto(c.getType()))
        .addAllBlocks(BlockConverter.toBlockProtos(c.getBlocks()))
        .setNewGenerationStamp(c.getNewGenerationStamp());
    if (c.getNewBlockId() != 0) {
      b.setNewBlockId(c.getNewBlockId());
    }
    for (List<DataNodeInfo> targets : c.getTargets()) {
      b.addTargets(DataNodeInfosProto.newBuilder().addAllNodes(toInfoProtos(targets)));
    }
    return b.build();
  }

  public static DataNodeCommand toCommand(DataNodeCommandProto p) {
    List<List<DataNodeInfo>> targets =
        p.getTargetsList().stream().map(t -> toInfos(t.getNodesList())).toList();
    return new DataNodeCommand(toType(p.getType()), BlockConverter.toBlocks(p.getBlocksList()),
        targets, p.getNewGenerationStamp(), p.getNewBlockId());
  }

  public static List<DataNodeCommandProto> toCommandProtos(List<DataNodeCommand> commands) {
    return commands.stream().map(DataNodeConverter::toProto).toList();
  }

  public static List<DataNodeCommand> toCommands(List<DataNodeCommandProto> protos) {
    return protos.stream().map(DataNodeConverter::toCommand).toList();
  }

  static DataNodeStateProto toProto(DataNodeInfo.State s) {
    return switch (s) {
      case LIVE -> DataNodeStateProto.DN_LIVE;
      case STALE -> DataNodeStateProto.DN_STALE;
      case DEAD -> DataNodeStateProto.DN_DEAD;
      case DECOMMISSIONING -> DataNodeStateProto.DN_DECOMMISSIONING;
      case DECOMMISSIONED -> DataNodeStateProto.DN_DECOMMISSIONED;
    };
  }

  static DataNodeInfo.State toState(DataNodeStateProto p) {
    return switch (p) {
      case DN_LIVE -> DataNodeInfo.State.LIVE;
      case DN_STALE -> DataNodeInfo.State.STALE;
      case DN_DEAD -> DataNodeInfo.State.DEAD;
      case DN_DECOMMISSIONING -> DataNodeInfo.State.DECOMMISSIONING;
      case DN_DECOMMISSIONED -> DataNodeInfo.State.DECOMMISSIONED;
    };
  }

  static DataNodeCommandProto.Type toProto(DataNodeCommand.Type t) {
    return switch (t) {
      case DELETE -> DataNodeCommandProto.Type.CMD_DELETE;
      case TRANSFER -> DataNodeCommandProto.Type.CMD_TRANSFER;
      case RECOVER -> DataNodeCommandProto.Type.CMD_RECOVER;
      case REGISTER -> DataNodeCommandProto.Type.CMD_REGISTER;
      case BLOCK_REPORT -> DataNodeCommandProto.Type.CMD_BLOCK_REPORT;
    };
  }

  static DataNodeCommand.Type toType(DataNodeCommandProto.Type p) {
    return switch (p) {
      case CMD_DELETE -> DataNodeCommand.Type.DELETE;
      case CMD_TRANSFER -> DataNodeCommand.Type.TRANSFER;
      case CMD_RECOVER -> DataNodeCommand.Type.RECOVER;
      case CMD_REGISTER -> DataNodeCommand.Type.REGISTER;
      case CMD_BLOCK_REPORT -> DataNodeCommand.Type.BLOCK_REPORT;
    };
  }
}
