package io.quire.client;

import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small data-transfer ops a client asks of a block's replicas (VISIBLE_LENGTH,
 * BLOCK_CHECKSUM): each replica is tried in order until one answers.
 */
final class BlockOps {
  private static final Logger LOG = LoggerFactory.getLogger(BlockOps.class);

  private BlockOps() {}

  /** Bytes of a block under construction that readers may read (acknowledged to the writer). */
  static long visibleLength(LocatedBlock lb, ClientOptions options) throws IOException {
    return ask(Op.VISIBLE_LENGTH, lb, lb.getBlock(), options).getLength();
  }

  /**
   * The CRC32C of the first {@code length} bytes of a block, composed by the DataNode from its
   * 512-byte chunk CRCs.
   */
  static int blockCrc(LocatedBlock lb, long length, ClientOptions options) throws IOException {
    OpResponse r = ask(Op.BLOCK_CHECKSUM, lb, lb.getBlock().withNumBytes(length), options);
    if (r.getBytesPerChecksum() != 0 && r.getBytesPerChecksum() != 512) {
      throw new IOException("BLOCK_CHECKSUM " + lb.getBlock() + ": DataNode uses "
          + r.getBytesPerChecksum() + " bytes per checksum, expected 512");
    }
    return r.getBlockCrc();
  }

  private static OpResponse ask(Op op, LocatedBlock lb, Block block, ClientOptions options)
      throws IOException {
    IOException last = null;
    for (DataNodeInfo node : lb.getLocations()) {
      try (DataNodeConnection c = DataNodeConnection.open(node, options,
          options.writeTimeoutMs(0))) {
        new BlockOpRequest(op, block, 0, 0, lb.getToken()).write(c.out());
        c.out().flush();
        return c.readSuccess(op + " " + block);
      } catch (IOException e) {
        LOG.debug("{} {} on {} failed: {}", op, block, node.getDataAddress(), e.toString());
        last = e;
      }
    }
    throw new IOException(op + " " + block + ": no replica answered (tried "
        + lb.getLocations().size() + ")" + (last == null ? "" : ": " + last.getMessage()), last);
  }
}
