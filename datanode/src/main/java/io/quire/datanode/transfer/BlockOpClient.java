package io.quire.datanode.transfer;

import io.quire.datanode.DataNodeOptions;
import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.types.DatanodeId;
import java.io.IOException;
import java.net.Socket;

/** Sends one small block op (recovery, visible length, checksum) to another DataNode. */
public final class BlockOpClient {
  private final DataNodeOptions options;

  public BlockOpClient(DataNodeOptions options) {
    this.options = options;
  }

  /** Sends {@code req} to {@code target} and returns its answer (which may be an error). */
  public OpResponse call(DatanodeId target, BlockOpRequest req) throws IOException {
    try (Socket s = TransferSockets.connect(target.toSocketAddress(), options)) {
      TransferStreams io = TransferSockets.streams(s, options.writeTimeoutMs(0));
      req.write(io.out());
      io.out().flush();
      return OpResponse.read(io.in());
    }
  }
}
