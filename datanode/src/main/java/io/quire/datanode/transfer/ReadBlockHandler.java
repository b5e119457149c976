package io.quire.datanode.transfer;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.net.TimedSocketOutput;
import io.quire.protocol.types.Block;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves READ_BLOCK: checks block and range, answers {@code chunkOffset} (offset rounded down
 * to 512) and the visible length, then streams whole chunks covering the requested range. A
 * reader that stops reading is given up on after {@code quire.datanode.socket.write-timeout.ms}.
 */
final class ReadBlockHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ReadBlockHandler.class);
  private final TransferContext ctx;

  ReadBlockHandler(TransferContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param zeroCopy the timed stream under {@code out}, to send data with zero-copy transfers
   */
  void handle(ReadBlockRequest req, DataOutputStream out, TimedSocketOutput zeroCopy)
      throws IOException {
    Block b = req.getBlock();
    ReplicaInput input;
    try {
      input = ReplicaInput.open(ctx.getDataset(), b, "READ_BLOCK");
    } catch (IOException e) {
      Responses.refuse(out, "READ_BLOCK", e);
      return;
    }
    try (ReplicaInput in = input;
         HeapPacketBuffer packet = ctx.newPacketBuffer("READ_BLOCK " + b.getName())) {
      int packetData = BlockSender.readPacketData(zeroCopy != null);
      try {
        packet.ensureCapacity(BlockSender.bufferBytes(zeroCopy != null, packetData));
      } catch (BufferBudgetExhaustedException e) {
        Responses.refuse(out, "READ_BLOCK", e);
        return;
      }
      long visible = in.getVisibleLength();
      if (req.getOffset() > visible) {
        InvalidRangeException e = new InvalidRangeException("READ_BLOCK " + b.getName()
            + ": offset " + req.getOffset() + " beyond visible length " + visible);
        Responses.refuse(out, "READ_BLOCK", e);
        return;
      }
      long end = req.getOffset() + Math.min(req.getLength(), visible - req.getOffset());
      long from = BlockSender.chunkStart(req.getOffset());
      long to = BlockSender.chunkEnd(end, visible);
      Responses.send(out, new OpResponse(Status.SUCCESS, "", "", visible,
          in.getReplica().getGenerationStamp(), from, QuireConfigKeys.BYTES_PER_CHECKSUM, 0,
          in.getReplica().getState()));
      try {
        new BlockSender(in, packet, packetData).sendPackets(out, zeroCopy, from, to);
        ctx.getMetrics().addBytesRead(to - from);
        ctx.getMetrics().incrBlocksRead();
      } catch (SocketTimeoutException e) {
        LOG.info("READ_BLOCK {}: reader stopped reading, giving up after the write timeout: {}",
            b.getName(), e.getMessage());
      } catch (SocketException e) {
        // readers routinely stop early (seek, positioned read, close)
        LOG.debug("READ_BLOCK {}: reader went away: {}", b.getName(), e.toString());
      }
    }
  }
}
