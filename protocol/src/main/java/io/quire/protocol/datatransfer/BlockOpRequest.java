package io.quire.protocol.datatransfer;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.security.token.Token;

/**
 * Request of the small block ops: {@code token}, then the body {@code block,
 * long newGenerationStamp, long newLength}. BLOCK_CHECKSUM and VISIBLE_LENGTH need a READ
 * token, RECOVERY_INIT and RECOVERY_UPDATE a REPLACE token (minted by the recovering DataNode).
 * BLOCK_CHECKSUM uses block.numBytes as the range to checksum; VISIBLE_LENGTH only the block;
 * RECOVERY_INIT the block and newGenerationStamp (the replica stops accepting writes and
 * reports its length); RECOVERY_UPDATE all three (cut the replica to newLength, re-stamp it,
 * finalize it). RECOVERY_COPY (copy on truncate, REPLACE token of the old block) carries one
 * more field after them, {@code long newBlockId}: copy the replica's first newLength bytes to
 * a new finalized replica of block newBlockId stamped newGenerationStamp, leaving the replica
 * as it is.
 */
public final class BlockOpRequest {
  private final Op op;
  private final Block block;
  private final long newGenerationStamp;
  private final long newLength;
  private final Token<BlockTokenIdentifier> token;
  private final long newBlockId;

  /** A request without a block access token (for DataNodes that do not check tokens). */
  public BlockOpRequest(Op op, Block block, long newGenerationStamp, long newLength) {
    this(op, block, newGenerationStamp, newLength, null);
  }

  public BlockOpRequest(Op op, Block block, long newGenerationStamp, long newLength,
      Token<BlockTokenIdentifier> token) {
    this(op, block, newGenerationStamp, newLength, 0, token);
  }

  /** A request with {@code newBlockId} (sent only by RECOVERY_COPY). */
  public BlockOpRequest(Op op, Block block, long newGenerationStamp, long newLength,
      long newBlockId, Token<BlockTokenIdentifier> token) {
    this.newBlockId = newBlockId;
    this.token = token;
    this.op = op;
    this.block = block;
    this.newGenerationStamp = newGenerationStamp;
    this.newLength = newLength;
  }

  public Op getOp() { return op; }
  public Block getBlock() { return block; }
  public long getNewGenerationStamp() { return newGenerationStamp; }
  public long getNewLength() { return newLength; }
  /** RECOVERY_COPY: the block id of the copy (0 for the other ops). */
  public long getNewBlockId() { return newBlockId; }
  /** The block access token (null or empty: none). */
  public Token<BlockTokenIdentifier> getToken() { return token; }

  /** The mode the token must grant for this op. */
  public BlockAccessMode accessMode() { return accessMode(op); }

  /** READ for BLOCK_CHECKSUM and VISIBLE_LENGTH, REPLACE for the recovery ops. */
  public static BlockAccessMode accessMode(Op op) {
    return op == Op.RECOVERY_INIT || op == Op.RECOVERY_UPDATE || op == Op.RECOVERY_COPY
        ? BlockAccessMode.REPLACE
        : BlockAccessMode.READ;
  }

  public void write(DataOutput out) throws IOException {
    WireIO.writeOpHeader(out, op);
    WireIO.writeToken(out, token);
    WireIO.writeBlock(out, block);
    out.writeLong(newGenerationStamp);
    out.writeLong(newLength);
    if (op == Op.RECOVERY_COPY) {
      out.writeLong(newBlockId);
    }
  }

  /** Reads token and body (the op header was already read). */
  public static BlockOpRequest read(Op op, DataInput in) throws IOException {
    Token<BlockTokenIdentifier> t = WireIO.readToken(in);
    Block b = WireIO.readBlock(in);
    long gs = in.readLong();
    long len = in.readLong();
    long newBlockId = op == Op.RECOVERY_COPY ? in.readLong() : 0;
    return new BlockOpRequest(op, b, gs, len, newBlockId, t);
  }
}
