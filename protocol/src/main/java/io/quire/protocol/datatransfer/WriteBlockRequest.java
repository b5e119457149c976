package io.quire.protocol.datatransfer;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.security.token.Token;

/**
 * WRITE_BLOCK request: {@code token}, then the body {@code block, string clientName,
 * datanode-list downstreamTargets, byte stage, long newGenerationStamp}. Stage TRANSFER
 * (re-replication between DataNodes) needs a COPY token, the others a WRITE token; every node
 * of the pipeline checks the token, which is forwarded unchanged. {@code downstreamTargets} are the
 * nodes after the receiver, in pipeline order. For CREATE and TRANSFER the block's generation stamp
 * is the replica's; for RECOVER_APPEND the replica is re-stamped with {@code newGenerationStamp}.
 */
public final class WriteBlockRequest {
  private final Block block;
  private final String clientName;
  private final List<DataNodeId> downstreamTargets;
  private final BlockConstructionStage stage;
  private final long newGenerationStamp;
  private final Token<BlockTokenIdentifier> token;

  /** A request without a block access token (for DataNodes that do not check tokens). */
  public WriteBlockRequest(Block block, String clientName, List<DataNodeId> downstreamTargets,
      BlockConstructionStage stage, long newGenerationStamp) {
    this(block, clientName, downstreamTargets, stage, newGenerationStamp, null);
  }

  public WriteBlockRequest(Block block, String clientName, List<DataNodeId> downstreamTargets,
      BlockConstructionStage stage, long newGenerationStamp, Token<BlockTokenIdentifier> token) {
    this.token = token;
    this.block = block;
    this.clientName = clientName;
    this.downstreamTargets = List.copyOf(downstreamTargets);
    this.stage = stage;
    this.newGenerationStamp = newGenerationStamp;
  }

  public Block getBlock() { return block; }
  public String getClientName() { return clientName; }
  public List<DataNodeId> getDownstreamTargets() { return downstreamTargets; }
  public BlockConstructionStage getStage() { return stage; }
  public long getNewGenerationStamp() { return newGenerationStamp; }
  /** The block access token (null or empty: none). */
  public Token<BlockTokenIdentifier> getToken() { return token; }

  /** The mode the token must grant: COPY for stage TRANSFER, WRITE otherwise. */
  public BlockAccessMode accessMode() {
    return stage == BlockConstructionStage.TRANSFER ? BlockAccessMode.COPY
        : BlockAccessMode.WRITE;
  }

  /** The request to forward to the next node: same fields, first downstream target removed. */
  public WriteBlockRequest forNextNode() {
    return new WriteBlockRequest(block, clientName,
        downstreamTargets.subList(1, downstreamTargets.size()), stage, newGenerationStamp, token);
  }

  /** Writes op header and body. */
  public void write(DataOutput out) throws IOException {
    WireIO.writeOpHeader(out, Op.WRITE_BLOCK);
    WireIO.writeToken(out, token);
    WireIO.writeBlock(out, block);
    WireIO.writeString(out, clientName);
    WireIO.writeDataNodes(out, downstreamTargets);
    out.writeByte(stage.ordinal());
    out.writeLong(newGenerationStamp);
  }

  /** Reads token and body (the op header was already read). */
  public static WriteBlockRequest read(DataInput in) throws IOException {
    Token<BlockTokenIdentifier> t = WireIO.readToken(in);
    Block b = WireIO.readBlock(in);
    String client = WireIO.readString(in);
    List<DataNodeId> targets = WireIO.readDataNodes(in);
    BlockConstructionStage stage = BlockConstructionStage.fromOrdinal(in.readByte());
    long gs = in.readLong();
    return new WriteBlockRequest(b, client, targets, stage, gs, t);
  }
}
