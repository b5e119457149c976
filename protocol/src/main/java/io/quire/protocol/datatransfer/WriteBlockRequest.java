package io.quire.protocol.datatransfer;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * WRITE_BLOCK body: {@code block, string clientName, datanode-list downstreamTargets,
 * byte stage, long newGenerationStamp}. {@code downstreamTargets} are the nodes after the
 * receiver, in pipeline order. For CREATE and TRANSFER the block's generation stamp is the
 * replica's; for RECOVER_APPEND the replica is re-stamped with {@code newGenerationStamp}.
 */
public final class WriteBlockRequest {
  private final Block block;
  private final String clientName;
  private final List<DatanodeId> downstreamTargets;
  private final BlockConstructionStage stage;
  private final long newGenerationStamp;

  public WriteBlockRequest(Block block, String clientName, List<DatanodeId> downstreamTargets,
      BlockConstructionStage stage, long newGenerationStamp) {
    this.block = block;
    this.clientName = clientName;
    this.downstreamTargets = List.copyOf(downstreamTargets);
    this.stage = stage;
    this.newGenerationStamp = newGenerationStamp;
  }

  public Block getBlock() { return block; }
  public String getClientName() { return clientName; }
  public List<DatanodeId> getDownstreamTargets() { return downstreamTargets; }
  public BlockConstructionStage getStage() { return stage; }
  public long getNewGenerationStamp() { return newGenerationStamp; }

  /** The request to forward to the next node: same fields, first downstream target removed. */
  public WriteBlockRequest forNextNode() {
    return new WriteBlockRequest(block, clientName,
        downstreamTargets.subList(1, downstreamTargets.size()), stage, newGenerationStamp);
  }

  /** Writes op header and body. */
  public void write(DataOutput out) throws IOException {
    WireIO.writeOpHeader(out, Op.WRITE_BLOCK);
    WireIO.writeBlock(out, block);
    WireIO.writeString(out, clientName);
    WireIO.writeDatanodes(out, downstreamTargets);
    out.writeByte(stage.ordinal());
    out.writeLong(newGenerationStamp);
  }

  /** Reads the body (the op header was already read). */
  public static WriteBlockRequest read(DataInput in) throws IOException {
    Block b = WireIO.readBlock(in);
    String client = WireIO.readString(in);
    List<DatanodeId> targets = WireIO.readDatanodes(in);
    BlockConstructionStage stage = BlockConstructionStage.fromOrdinal(in.readByte());
    long gs = in.readLong();
    return new WriteBlockRequest(b, client, targets, stage, gs);
  }
}
