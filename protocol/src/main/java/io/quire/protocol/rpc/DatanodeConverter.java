package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.DatanodeCommandProto;
import io.quire.protocol.proto.QuireTypesProtos.DatanodeIdProto;
import io.quire.protocol.proto.QuireTypesProtos.DatanodeInfoProto;
import io.quire.protocol.proto.QuireTypesProtos.DatanodeInfosProto;
import io.quire.protocol.proto.QuireTypesProtos.DatanodeRegistrationProto;
import io.quire.protocol.proto.QuireTypesProtos.DatanodeStateProto;
import io.quire.protocol.proto.QuireTypesProtos.NamespaceInfoProto;
import io.quire.protocol.proto.QuireTypesProtos.StorageReportProto;
import io.quire.protocol.types.DatanodeCommand;
import io.quire.protocol.types.DatanodeId;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.DatanodeRegistration;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.StorageReport;
import java.util.List;

/**
 * Converts DataNode types (identity, info, registration, storage report, namespace info,
 * commands) between their Java and protobuf forms. A null rack, state, cluster id or software
 * version travels as an absent optional field and comes back as null.
 */
public final class DatanodeConverter {
  private DatanodeConverter() {}

  public static DatanodeIdProto toProto(DatanodeId id) {
    return DatanodeIdProto.newBuilder()
        .setUuid(id.getUuid()).setHost(id.getHost()).setDataPort(id.getDataPort()).build();
  }

  public static DatanodeId toId(DatanodeIdProto p) {
    return new DatanodeId(p.getUuid(), p.getHost(), p.getDataPort());
  }

  public static List<DatanodeIdProto> toIdProtos(List<DatanodeId> ids) {
    return ids.stream().map(DatanodeConverter::toProto).toList();
  }

  public static List<DatanodeId> toIds(List<DatanodeIdProto> protos) {
    return protos.stream().map(DatanodeConverter::toId).toList();
  }

  public static DatanodeInfoProto toProto(DatanodeInfo d) {
    DatanodeInfoProto.Builder b = DatanodeInfoProto.newBuilder()
        .setId(toProto((DatanodeId) d))
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

  public static DatanodeInfo toInfo(DatanodeInfoProto p) {
    return new DatanodeInfo(toId(p.getId()), p.getCapacity(), p.getUsed(), p.getRemaining(),
        p.getActiveTransfers(), p.getLastHeartbeatMillis(), p.hasRack() ? p.getRack() : null,
        p.hasState() ? toState(p.getState()) : null);
  }

  public static List<DatanodeInfoProto> toInfoProtos(List<DatanodeInfo> nodes) {
    return nodes.stream().map(DatanodeConverter::toProto).toList();
  }

  public static List<DatanodeInfo> toInfos(List<DatanodeInfoProto> protos) {
    return protos.stream().map(DatanodeConverter::toInfo).toList();
  }

  public static DatanodeRegistrationProto toProto(DatanodeRegistration r) {
    DatanodeRegistrationProto.Builder b =
        DatanodeRegistrationProto.newBuilder().setId(toProto(r.getId()));
    if (r.getClusterId() != null) {
      b.setClusterId(r.getClusterId());
    }
    if (r.getSoftwareVersion() != null) {
      b.setSoftwareVersion(r.getSoftwareVersion());
    }
    return b.build();
  }

  public static DatanodeRegistration toRegistration(DatanodeRegistrationProto p) {
    return new DatanodeRegistration(toId(p.getId()), p.hasClusterId() ? p.getClusterId() : null,
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

  public static DatanodeCommandProto toProto(DatanodeCommand c) {
    DatanodeCommandProto.Builder b = DatanodeCommandProto.newBuilder()
        .setType(toProto(c.getType()))
        .addAllBlocks(BlockConverter.toBlockProtos(c.getBlocks()))
        .setNewGenerationStamp(c.getNewGenerationStamp());
    if (c.getNewBlockId() != 0) {
      b.setNewBlockId(c.getNewBlockId());
    }
    for (List<DatanodeInfo> targets : c.getTargets()) {
      b.addTargets(DatanodeInfosProto.newBuilder().addAllNodes(toInfoProtos(targets)));
    }
    return b.build();
  }

  public static DatanodeCommand toCommand(DatanodeCommandProto p) {
    List<List<DatanodeInfo>> targets =
        p.getTargetsList().stream().map(t -> toInfos(t.getNodesList())).toList();
    return new DatanodeCommand(toType(p.getType()), BlockConverter.toBlocks(p.getBlocksList()),
        targets, p.getNewGenerationStamp(), p.getNewBlockId());
  }

  public static List<DatanodeCommandProto> toCommandProtos(List<DatanodeCommand> commands) {
    return commands.stream().map(DatanodeConverter::toProto).toList();
  }

  public static List<DatanodeCommand> toCommands(List<DatanodeCommandProto> protos) {
    return protos.stream().map(DatanodeConverter::toCommand).toList();
  }

  static DatanodeStateProto toProto(DatanodeInfo.State s) {
    return switch (s) {
      case LIVE -> DatanodeStateProto.DN_LIVE;
      case STALE -> DatanodeStateProto.DN_STALE;
      case DEAD -> DatanodeStateProto.DN_DEAD;
      case DECOMMISSIONING -> DatanodeStateProto.DN_DECOMMISSIONING;
      case DECOMMISSIONED -> DatanodeStateProto.DN_DECOMMISSIONED;
    };
  }

  static DatanodeInfo.State toState(DatanodeStateProto p) {
    return switch (p) {
      case DN_LIVE -> DatanodeInfo.State.LIVE;
      case DN_STALE -> DatanodeInfo.State.STALE;
      case DN_DEAD -> DatanodeInfo.State.DEAD;
      case DN_DECOMMISSIONING -> DatanodeInfo.State.DECOMMISSIONING;
      case DN_DECOMMISSIONED -> DatanodeInfo.State.DECOMMISSIONED;
    };
  }

  static DatanodeCommandProto.Type toProto(DatanodeCommand.Type t) {
    return switch (t) {
      case DELETE -> DatanodeCommandProto.Type.CMD_DELETE;
      case TRANSFER -> DatanodeCommandProto.Type.CMD_TRANSFER;
      case RECOVER -> DatanodeCommandProto.Type.CMD_RECOVER;
      case REGISTER -> DatanodeCommandProto.Type.CMD_REGISTER;
      case BLOCK_REPORT -> DatanodeCommandProto.Type.CMD_BLOCK_REPORT;
    };
  }

  static DatanodeCommand.Type toType(DatanodeCommandProto.Type p) {
    return switch (p) {
      case CMD_DELETE -> DatanodeCommand.Type.DELETE;
      case CMD_TRANSFER -> DatanodeCommand.Type.TRANSFER;
      case CMD_RECOVER -> DatanodeCommand.Type.RECOVER;
      case CMD_REGISTER -> DatanodeCommand.Type.REGISTER;
      case CMD_BLOCK_REPORT -> DatanodeCommand.Type.BLOCK_REPORT;
    };
  }
}
