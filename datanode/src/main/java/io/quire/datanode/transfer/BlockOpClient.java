package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.datanode.security.BlockTokens;
import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.IOException;
import java.net.Socket;

/**
 * Sends one small block op (recovery, visible length, checksum) to another DataNode, with a
 * block access token this DataNode mints for the op.
 */
public final class BlockOpClient {
  private final DataNodeOptions options;
  private final BlockTokens tokens;

  public BlockOpClient(DataNodeOptions options, BlockTokens tokens) {
    this.options = options;
    this.tokens = tokens;
  }

  /**
   * Sends op {@code op} on {@code b} to {@code target} and returns its answer (which may be an
   * error).
   */
  public OpResponse call(DataNodeId target, Op op, Block b, long newGenerationStamp,
      long newLength) throws IOException {
    return call(target, op, b, newGenerationStamp, newLength, 0);
  }

  /** {@link #call} with {@code newBlockId} (RECOVERY_COPY). */
  public OpResponse call(DataNodeId target, Op op, Block b, long newGenerationStamp,
      long newLength, long newBlockId) throws IOException {
    BlockOpRequest req = new BlockOpRequest(op, b, newGenerationStamp, newLength, newBlockId,
        tokens.mint(b.getBlockId(), BlockOpRequest.accessMode(op)));
    try (Socket s = TransferSockets.connect(target.toSocketAddress(), options)) {
      TransferStreams io = TransferSockets.streams(s, options.writeTimeoutMs(0));
      req.write(io.out());
      io.out().flush();
      return OpResponse.read(io.in());
    }
  }
}
