package io.quire.protocol.datatransfer;

import java.io.IOException;

/** Operations of the data-transfer protocol with their wire codes. */
public enum Op {
  WRITE_BLOCK((byte) 80),
  READ_BLOCK((byte) 81),
  BLOCK_CHECKSUM((byte) 85),
  VISIBLE_LENGTH((byte) 86),
  RECOVERY_INIT((byte) 90),
  RECOVERY_UPDATE((byte) 91),
  /** Copy on truncate: a new replica of another block id from a prefix of this one. */
  RECOVERY_COPY((byte) 92);

  private final byte code;

  Op(byte code) { this.code = code; }

  public byte code() { return code; }

  public static Op fromCode(byte code) throws IOException {
    for (Op op : values()) {
      if (op.code == code) return op;
    }
    throw new MalformedFrameException("unknown data-transfer opcode " + code);
  }
}
