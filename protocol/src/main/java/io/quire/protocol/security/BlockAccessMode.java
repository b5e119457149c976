package io.quire.protocol.security;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a block access token allows, as in HDFS. The NameNode hands clients READ (reads,
 * checksums, visible length) and WRITE (pipelines: create, append, pipeline recovery) tokens;
 * COPY (re-replication: WRITE_BLOCK stage TRANSFER) and REPLACE (block recovery:
 * RECOVERY_INIT / RECOVERY_UPDATE / RECOVERY_COPY) tokens are minted only by DataNodes for
 * each other, so a client can neither install a finalized replica nor cut one short.
 * On the wire a set of modes is one byte, mode {@code m} being bit {@code 1 << m.bit}.
 */
public enum BlockAccessMode {
  READ(0), WRITE(1), COPY(2), REPLACE(3);

  private final int bit;

  BlockAccessMode(int bit) { this.bit = bit; }

  /** The byte encoding of {@code modes}. */
  public static byte encode(Set<BlockAccessMode> modes) {
    int b = 0;
    for (BlockAccessMode m : modes) {
      b |= 1 << m.bit;
    }
    return (byte) b;
  }

  /** The modes of byte {@code b}; unknown bits are an error. */
  public static Set<BlockAccessMode> decode(byte b) throws IOException {
    Set<BlockAccessMode> out = EnumSet.noneOf(BlockAccessMode.class);
    int rest = b & 0xff;
    for (BlockAccessMode m : values()) {
      if ((rest & (1 << m.bit)) != 0) {
        out.add(m);
        rest &= ~(1 << m.bit);
      }
    }
    if (rest != 0) {
      throw new IOException("block token access modes 0x" + Integer.toHexString(b & 0xff)
          + " carry unknown bits");
    }
    return out;
  }
}
