package io.quire.protocol.types;

import java.util.Objects;

/**
 * A block of a file: its id, its generation stamp and the number of bytes the sender believes
 * it holds. Two blocks are the same replica-set when id and generation stamp are equal; the
 * length is a claim, compared explicitly where it matters.
 */
public final class Block {
  private final long blockId;
  private final long generationStamp;
  private final long numBytes;

  public Block(long blockId, long generationStamp, long numBytes) {
    this.blockId = blockId;
    this.generationStamp = generationStamp;
    this.numBytes = numBytes;
  }

  public long getBlockId() { return blockId; }
  public long getGenerationStamp() { return generationStamp; }
  public long getNumBytes() { return numBytes; }

  public Block withNumBytes(long n) { return new Block(blockId, generationStamp, n); }
  public Block withGenerationStamp(long gs) { return new Block(blockId, gs, numBytes); }

  /** Name used for block files on DataNodes and in logs: {@code blk_<id>_<gs>}. */
  public String getName() { return "blk_" + blockId + "_" + generationStamp; }

  @Override public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Block)) return false;
    Block b = (Block) o;
    return blockId == b.blockId && generationStamp == b.generationStamp;
  }

  @Override public int hashCode() { return Objects.hash(blockId, generationStamp); }

  @Override public String toString() { return getName() + "(" + numBytes + "B)"; }
}
