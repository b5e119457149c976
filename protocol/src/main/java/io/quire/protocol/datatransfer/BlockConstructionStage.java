package io.quire.protocol.datatransfer;

import java.io.IOException;

/** Why a WRITE_BLOCK pipeline is being set up. */
public enum BlockConstructionStage {
  /** A new block: no replica exists yet. */
  CREATE,
  /**
   * Continue an existing replica (append, or pipeline recovery after a node failed): the
   * replica, FINALIZED or RBW, is cut to {@code block.numBytes} (the bytes acknowledged to the
   * writer), moved to RBW and given {@code newGenerationStamp}.
   */
  RECOVER_APPEND,
  /**
   * Copy a finalized replica to a new node (re-replication, or widening a recovered pipeline):
   * the sender streams the whole block and the receiver finalizes it.
   */
  TRANSFER;

  public static BlockConstructionStage fromOrdinal(int o) throws IOException {
    if (o < 0 || o >= values().length) {
      throw new MalformedFrameException("unknown construction stage " + o);
    }
    return values()[o];
  }
}
