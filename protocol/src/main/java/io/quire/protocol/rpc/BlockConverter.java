package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.BlockProto;
import io.quire.protocol.proto.QuireTypesProtos.LocatedBlockProto;
import io.quire.protocol.proto.QuireTypesProtos.LocatedBlocksProto;
import io.quire.protocol.proto.QuireTypesProtos.ReplicaStateProto;
import io.quire.protocol.proto.QuireTypesProtos.ReportedBlockProto;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.util.List;

/**
 * Converts block types ({@link Block}, {@link LocatedBlock}, {@link LocatedBlocks},
 * {@link ReportedBlock}) between their Java and protobuf forms. Nullable blocks travel as
 * absent optional fields; callers check {@code hasXxx()} before calling {@code toBlock}.
 */
public final class BlockConverter {
  private BlockConverter() {}

  public static BlockProto toProto(Block b) {
    return BlockProto.newBuilder()
        .setBlockId(b.getBlockId())
        .setGenerationStamp(b.getGenerationStamp())
        .setNumBytes(b.getNumBytes())
        .build();
  }

  public static Block toBlock(BlockProto p) {
    return new Block(p.getBlockId(), p.getGenerationStamp(), p.getNumBytes());
  }

  public static List<BlockProto> toBlockProtos(List<Block> blocks) {
    return blocks.stream().map(BlockConverter::toProto).toList();
  }

  public static List<Block> toBlocks(List<BlockProto> protos) {
    return protos.stream().map(BlockConverter::toBlock).toList();
  }

  public static LocatedBlockProto toProto(LocatedBlock lb) {
    LocatedBlockProto.Builder b = LocatedBlockProto.newBuilder()
        .setBlock(toProto(lb.getBlock()))
        .setOffset(lb.getOffset())
        .addAllLocations(DataNodeConverter.toInfoProtos(lb.getLocations()))
        .setCorrupt(lb.isCorrupt());
    if (TokenConverter.isPresent(lb.getToken())) {
      b.setToken(TokenConverter.toProto(lb.getToken()));
    }
    return b.build();
  }

  public static LocatedBlock toLocatedBlock(LocatedBlockProto p) {
    LocatedBlock lb = new LocatedBlock(toBlock(p.getBlock()), p.getOffset(),
        DataNodeConverter.toInfos(p.getLocationsList()), p.getCorrupt());
    return p.hasToken() ? lb.withToken(TokenConverter.toToken(p.getToken())) : lb;
  }

  public static List<LocatedBlockProto> toLocatedBlockProtos(List<LocatedBlock> blocks) {
    return blocks.stream().map(BlockConverter::toProto).toList();
  }

  public static List<LocatedBlock> toLocatedBlockList(List<LocatedBlockProto> protos) {
    return protos.stream().map(BlockConverter::toLocatedBlock).toList();
  }

  public static LocatedBlocksProto toProto(LocatedBlocks lbs) {
    return LocatedBlocksProto.newBuilder()
        .setFileLength(lbs.getFileLength())
        .addAllBlocks(toLocatedBlockProtos(lbs.getBlocks()))
        .setUnderConstruction(lbs.isUnderConstruction())
        .setLastBlockComplete(lbs.isLastBlockComplete())
        .build();
  }

  public static LocatedBlocks toLocatedBlocks(LocatedBlocksProto p) {
    return new LocatedBlocks(p.getFileLength(), toLocatedBlockList(p.getBlocksList()),
        p.getUnderConstruction(), p.getLastBlockComplete());
  }

  public static ReportedBlockProto toProto(ReportedBlock rb) {
    return ReportedBlockProto.newBuilder()
        .setBlock(toProto(rb.getBlock()))
        .setState(toProto(rb.getState()))
        .build();
  }

  public static ReportedBlock toReportedBlock(ReportedBlockProto p) {
    return new ReportedBlock(toBlock(p.getBlock()), toReplicaState(p.getState()));
  }

  public static List<ReportedBlockProto> toReportedBlockProtos(List<ReportedBlock> blocks) {
    return blocks.stream().map(BlockConverter::toProto).toList();
  }

  public static List<ReportedBlock> toReportedBlocks(List<ReportedBlockProto> protos) {
    return protos.stream().map(BlockConverter::toReportedBlock).toList();
  }

  static ReplicaStateProto toProto(ReplicaState s) {
    return switch (s) {
      case FINALIZED -> ReplicaStateProto.REPLICA_FINALIZED;
      case RBW -> ReplicaStateProto.REPLICA_RBW;
      case RWR -> ReplicaStateProto.REPLICA_RWR;
    };
  }

  static ReplicaState toReplicaState(ReplicaStateProto p) {
    return switch (p) {
      case REPLICA_FINALIZED -> ReplicaState.FINALIZED;
      case REPLICA_RBW -> ReplicaState.RBW;
      case REPLICA_RWR -> ReplicaState.RWR;
    };
  }
}
