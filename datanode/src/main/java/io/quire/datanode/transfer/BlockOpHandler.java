package io.quire.datanode.transfer;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReportedBlock;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Serves the small block ops: BLOCK_CHECKSUM, VISIBLE_LENGTH, RECOVERY_INIT, RECOVERY_UPDATE,
 * RECOVERY_COPY.
 */
final class BlockOpHandler {
  private final TransferContext ctx;

  BlockOpHandler(TransferContext ctx) {
    this.ctx = ctx;
  }

  void handle(BlockOpRequest req, DataOutputStream out) throws IOException {
    OpResponse resp;
    try {
      resp = answer(req);
    } catch (IOException e) {
      Responses.refuse(out, req.getOp().toString(), e);
      return;
    }
    Responses.send(out, resp);
  }

  private OpResponse answer(BlockOpRequest req) throws IOException {
    Block b = req.getBlock();
    switch (req.getOp()) {
      case BLOCK_CHECKSUM:
        try (ReplicaInput in = ReplicaInput.open(ctx.getDataset(), b, "BLOCK_CHECKSUM")) {
          if (b.getNumBytes() > in.getVisibleLength()) {
            throw new InvalidRangeException("BLOCK_CHECKSUM " + b.getName() + ": "
                + b.getNumBytes() + " bytes asked, replica has " + in.getVisibleLength());
          }
          int crc = BlockChecksumComputer.compute(in, b.getNumBytes());
          return new OpResponse(Status.SUCCESS, "", "", b.getNumBytes(),
              in.getReplica().getGenerationStamp(), 0, QuireConfigKeys.BYTES_PER_CHECKSUM, crc,
              in.getReplica().getState());
        }
      case VISIBLE_LENGTH:
        try (ReplicaInput in = ReplicaInput.open(ctx.getDataset(), b, "VISIBLE_LENGTH")) {
          return replicaAnswer(new ReportedBlock(in.getReplica().toBlock()
              .withNumBytes(in.getVisibleLength()), in.getReplica().getState()));
        }
      case RECOVERY_INIT:
        return replicaAnswer(ctx.getDataset().initRecovery(b, req.getNewGenerationStamp()));
      case RECOVERY_UPDATE:
        return replicaAnswer(ctx.getDataset().updateRecovery(b, req.getNewGenerationStamp(),
            req.getNewLength()));
      case RECOVERY_COPY:
        return replicaAnswer(ctx.getDataset().copyForTruncate(b, req.getNewGenerationStamp(),
            req.getNewLength(), req.getNewBlockId()));
      default:
        throw new IOException(req.getOp() + " " + b.getName() + ": not a block op");
    }
  }

  private static OpResponse replicaAnswer(ReportedBlock r) {
    return new OpResponse(Status.SUCCESS, "", "", r.getBlock().getNumBytes(),
        r.getBlock().getGenerationStamp(), 0, QuireConfigKeys.BYTES_PER_CHECKSUM, 0,
        r.getState());
  }
}
