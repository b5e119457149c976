package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.HaStateProto;
import io.quire.protocol.proto.QuireTypesProtos.HaStatusProto;
import io.quire.protocol.proto.QuireTypesProtos.NameNodeHaStateProto;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HaStatus;
import io.quire.protocol.types.NameNodeHaState;

/** HA types to and from their protobuf messages. */
public final class HaConverter {
  private HaConverter() {}

  public static HaStateProto toProto(HaState s) {
    return switch (s) {
      case INITIALIZING -> HaStateProto.HA_INITIALIZING;
      case STANDBY -> HaStateProto.HA_STANDBY;
      case ACTIVE -> HaStateProto.HA_ACTIVE;
      case SUSPENDED -> HaStateProto.HA_SUSPENDED;
      case STOPPING -> HaStateProto.HA_STOPPING;
    };
  }

  public static HaState toState(HaStateProto p) {
    return switch (p) {
      case HA_INITIALIZING -> HaState.INITIALIZING;
      case HA_STANDBY -> HaState.STANDBY;
      case HA_ACTIVE -> HaState.ACTIVE;
      case HA_SUSPENDED -> HaState.SUSPENDED;
      case HA_STOPPING -> HaState.STOPPING;
    };
  }

  public static NameNodeHaStateProto toProto(NameNodeHaState s) {
    return NameNodeHaStateProto.newBuilder().setState(toProto(s.state())).setEpoch(s.epoch())
        .build();
  }

  public static NameNodeHaState toNameNodeHaState(NameNodeHaStateProto p) {
    return new NameNodeHaState(toState(p.getState()), p.getEpoch());
  }

  public static HaStatusProto toProto(HaStatus s) {
    HaStatusProto.Builder b = HaStatusProto.newBuilder().setNameNodeId(s.nameNodeId())
        .setState(toProto(s.state())).setEpoch(s.epoch())
        .setLastAppliedTxId(s.lastAppliedTxId()).setLastSeenTxId(s.lastSeenTxId())
        .setLastCheckpointTxId(s.lastCheckpointTxId()).setInSafeMode(s.inSafeMode())
        .setPendingDataNodeMessages(s.pendingDataNodeMessages());
    if (s.activeId() != null) {
      b.setActiveId(s.activeId());
    }
    return b.build();
  }

  public static HaStatus toStatus(HaStatusProto p) {
    return new HaStatus(p.getNameNodeId(), toState(p.getState()), p.getEpoch(),
        p.getLastAppliedTxId(), p.getLastSeenTxId(), p.hasActiveId() ? p.getActiveId() : null,
        p.getLastCheckpointTxId(), p.getInSafeMode(), p.getPendingDataNodeMessages());
  }
}
