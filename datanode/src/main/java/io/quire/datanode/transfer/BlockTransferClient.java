package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.datanode.security.BlockTokens;
import io.quire.datanode.storage.FsDataset;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.exceptions.ChecksumMismatchException;
import io.quire.protocol.exceptions.PipelineException;
import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a finalized local replica to other DataNodes (re-replication): a WRITE_BLOCK with stage
 * TRANSFER to the first target, which pipelines to the rest; the whole block is streamed and
 * every packet's ack must report success on all targets. When the first target finds the data
 * corrupt (ERROR_CHECKSUM) the local replica is bad: {@link ChecksumMismatchException}. A
 * replica already known corrupt is not sent at all.
 */
public final class BlockTransferClient {
  private final FsDataset dataset;
  private final DataNodeOptions options;
  private final BufferBudget buffers;
  private final BlockTokens tokens;

  /** A client that sends no block access tokens (for DataNodes that do not check them). */
  public BlockTransferClient(FsDataset dataset, DataNodeOptions options, BufferBudget buffers) {
    this(dataset, options, buffers, BlockTokens.disabled());
  }

  /**
   * @param buffers the DataNode's packet buffer budget (the packets are framed in one)
   * @param tokens mints the COPY token the targets check
   */
  public BlockTransferClient(FsDataset dataset, DataNodeOptions options, BufferBudget buffers,
      BlockTokens tokens) {
    this.tokens = tokens;
    this.dataset = dataset;
    this.options = options;
    this.buffers = buffers;
  }

  /** Sends the local replica of {@code b} to {@code targets}; returns when all acked it. */
  public void transfer(Block b, List<? extends DataNodeId> targets) throws IOException {
    if (targets.isEmpty()) {
      return;
    }
    try (ReplicaInput in = ReplicaInput.open(dataset, b, "TRANSFER");
         HeapPacketBuffer packet = new HeapPacketBuffer(buffers, "TRANSFER " + b.getName())) {
      if (in.getReplica().getState() != ReplicaState.FINALIZED) {
        throw new IOException("TRANSFER " + b.getName() + ": replica is not finalized: "
            + in.getReplica());
      }
      if (in.getReplica().isCorrupt()) {
        throw new IOException("TRANSFER " + b.getName() + ": the local replica is known"
            + " corrupt (already reported to the NameNodes): " + in.getReplica());
      }
      packet.ensureCapacity(BlockSender.bufferBytes(false, BlockSender.PACKET_DATA));
      Block local = in.getReplica().toBlock().withNumBytes(in.getVisibleLength());
      List<DataNodeId> rest = new ArrayList<>(targets.subList(1, targets.size()));
      try (Socket s = TransferSockets.connect(targets.get(0).toSocketAddress(), options)) {
        TransferStreams io = TransferSockets.streams(s, options.writeTimeoutMs(targets.size()));
        DataOutputStream out = io.out();
        DataInputStream ackIn = io.in();
        new WriteBlockRequest(local, "datanode-transfer", rest, BlockConstructionStage.TRANSFER,
            local.getGenerationStamp(), tokens.mint(local.getBlockId(), BlockAccessMode.COPY))
            .write(out);
        out.flush();
        OpResponse resp = OpResponse.read(ackIn);
        if (!resp.isSuccess()) {
          throw new PipelineException("TRANSFER " + local.getName() + " to " + targets
              + " refused: " + resp + (resp.getFirstBadLink().isEmpty() ? ""
              : " (bad link " + resp.getFirstBadLink() + ")"));
        }
        long lastSeqno;
        try {
          lastSeqno = new BlockSender(in, packet, BlockSender.PACKET_DATA)
              .sendPackets(out, null, 0, local.getNumBytes());
        } catch (IOException e) {
          // the receiver may have hung up after acking an error; that ack names the cause
          for (long seq = 0; ; seq++) {
            PipelineAck ack;
            try {
              ack = PipelineAck.read(ackIn);
            } catch (IOException noMoreAcks) {
              throw e;
            }
            checkAck(ack, seq, local, targets);
          }
        }
        for (long seq = 0; seq <= lastSeqno; seq++) {
          checkAck(PipelineAck.read(ackIn), seq, local, targets);
        }
      }
    }
  }

  private static void checkAck(PipelineAck ack, long seq, Block b,
      List<? extends DataNodeId> targets) throws IOException {
    if (ack.firstFailedIndex() == 0 && ack.getReplies().get(0) == Status.ERROR_CHECKSUM) {
      throw new ChecksumMismatchException("TRANSFER " + b.getName() + " to " + targets.get(0)
          + ": the local replica failed the receiver's checksum check at packet "
          + ack.getSeqno());
    }
    if (ack.getSeqno() != seq || ack.firstFailedIndex() >= 0) {
      throw new PipelineException("TRANSFER " + b.getName() + " to " + targets
          + ": packet " + seq + " answered " + ack);
    }
  }
}
