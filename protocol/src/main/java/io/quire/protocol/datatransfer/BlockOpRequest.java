package io.quire.protocol.datatransfer;

import io.quire.protocol.types.Block;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Body shared by the small block ops: {@code block, long newGenerationStamp, long newLength}.
 * BLOCK_CHECKSUM uses block.numBytes as the range to checksum; VISIBLE_LENGTH only the block;
 * RECOVERY_INIT the block and newGenerationStamp (the replica stops accepting writes and
 * reports its length); RECOVERY_UPDATE all three (cut the replica to newLength, re-stamp it,
 * finalize it).
 */
public final class BlockOpRequest {
  private final Op op;
  private final Block block;
  private final long newGenerationStamp;
  private final long newLength;

  public BlockOpRequest(Op op, Block block, long newGenerationStamp, long newLength) {
    this.op = op;
    this.block = block;
    this.newGenerationStamp = newGenerationStamp;
    this.newLength = newLength;
  }

  public Op getOp() { return op; }
  public Block getBlock() { return block; }
  public long getNewGenerationStamp() { return newGenerationStamp; }
  public long getNewLength() { return newLength; }

  public void write(DataOutput out) throws IOException {
    WireIO.writeOpHeader(out, op);
    WireIO.writeBlock(out, block);
    out.writeLong(newGenerationStamp);
    out.writeLong(newLength);
  }

  public static BlockOpRequest read(Op op, DataInput in) throws IOException {
    Block b = WireIO.readBlock(in);
    return new BlockOpRequest(op, b, in.readLong(), in.readLong());
  }
}
