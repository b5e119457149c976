package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.BlockHealthProto;
import io.quire.protocol.proto.QuireTypesProtos.BlockHealthStatusProto;
import io.quire.protocol.proto.QuireTypesProtos.ClusterHealthProto;
import io.quire.protocol.proto.QuireTypesProtos.FileBlockHealthProto;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.FileBlockHealth;

/**
 * Converts the health types of fsck and admin report ({@link FileBlockHealth},
 * {@link BlockHealth}, {@link ClusterHealth}) between their Java and protobuf forms.
 */
public final class HealthConverter {
  private HealthConverter() {}

  public static FileBlockHealthProto toProto(FileBlockHealth h) {
    return FileBlockHealthProto.newBuilder()
        .setPath(h.getPath())
        .setLength(h.getLength())
        .setReplication(h.getReplication())
        .setUnderConstruction(h.isUnderConstruction())
        .addAllBlocks(h.getBlocks().stream().map(HealthConverter::toProto).toList())
        .build();
  }

  public static FileBlockHealth toFileBlockHealth(FileBlockHealthProto p) {
    return new FileBlockHealth(p.getPath(), p.getLength(), (short) p.getReplication(),
        p.getUnderConstruction(),
        p.getBlocksList().stream().map(HealthConverter::toBlockHealth).toList());
  }

  public static BlockHealthProto toProto(BlockHealth b) {
    return BlockHealthProto.newBuilder()
        .setBlock(BlockConverter.toProto(b.getBlock()))
        .setOffset(b.getOffset())
        .setExpectedReplication(b.getExpectedReplication())
        .addAllLiveReplicas(DataNodeConverter.toInfoProtos(b.getLiveReplicas()))
        .addAllCorruptReplicas(DataNodeConverter.toInfoProtos(b.getCorruptReplicas()))
        .addAllDecommissioningReplicas(
            DataNodeConverter.toInfoProtos(b.getDecommissioningReplicas()))
        .setStatus(toProto(b.getStatus()))
        .build();
  }

  public static BlockHealth toBlockHealth(BlockHealthProto p) {
    return new BlockHealth(BlockConverter.toBlock(p.getBlock()), p.getOffset(),
        p.getExpectedReplication(), DataNodeConverter.toInfos(p.getLiveReplicasList()),
        DataNodeConverter.toInfos(p.getCorruptReplicasList()),
        DataNodeConverter.toInfos(p.getDecommissioningReplicasList()), toStatus(p.getStatus()));
  }

  public static BlockHealthStatusProto toProto(BlockHealth.Status s) {
    switch (s) {
      case HEALTHY: return BlockHealthStatusProto.BH_HEALTHY;
      case UNDER_REPLICATED: return BlockHealthStatusProto.BH_UNDER_REPLICATED;
      case CORRUPT: return BlockHealthStatusProto.BH_CORRUPT;
      case MISSING: return BlockHealthStatusProto.BH_MISSING;
      default: throw new IllegalArgumentException("block health status " + s);
    }
  }

  public static BlockHealth.Status toStatus(BlockHealthStatusProto p) {
    switch (p) {
      case BH_HEALTHY: return BlockHealth.Status.HEALTHY;
      case BH_UNDER_REPLICATED: return BlockHealth.Status.UNDER_REPLICATED;
      case BH_CORRUPT: return BlockHealth.Status.CORRUPT;
      case BH_MISSING: return BlockHealth.Status.MISSING;
      default: throw new IllegalArgumentException("block health status " + p);
    }
  }

  public static ClusterHealthProto toProto(ClusterHealth h) {
    return ClusterHealthProto.newBuilder()
        .setCapacity(h.getCapacity())
        .setUsed(h.getUsed())
        .setRemaining(h.getRemaining())
        .setLiveNodes(h.getLiveNodes())
        .setStaleNodes(h.getStaleNodes())
        .setDeadNodes(h.getDeadNodes())
        .setDecommissioningNodes(h.getDecommissioningNodes())
        .setDecommissionedNodes(h.getDecommissionedNodes())
        .setTotalFiles(h.getTotalFiles())
        .setTotalBlocks(h.getTotalBlocks())
        .setUnderReplicatedBlocks(h.getUnderReplicatedBlocks())
        .setCorruptBlocks(h.getCorruptBlocks())
        .setMissingBlocks(h.getMissingBlocks())
        .setPendingReplicationBlocks(h.getPendingReplicationBlocks())
        .setInSafeMode(h.isInSafeMode())
        .build();
  }

  public static ClusterHealth toClusterHealth(ClusterHealthProto p) {
    return new ClusterHealth(p.getCapacity(), p.getUsed(), p.getRemaining(), p.getLiveNodes(),
        p.getStaleNodes(), p.getDeadNodes(), p.getDecommissioningNodes(),
        p.getDecommissionedNodes(), p.getTotalFiles(), p.getTotalBlocks(),
        p.getUnderReplicatedBlocks(), p.getCorruptBlocks(), p.getMissingBlocks(),
        p.getPendingReplicationBlocks(), p.getInSafeMode());
  }
}
