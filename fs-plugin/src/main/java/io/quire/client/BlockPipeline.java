package io.quire.client;

import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.InvalidBlockTokenException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.security.token.Token;

/**
 * One WRITE_BLOCK pipeline: the connection to its first DataNode, the nodes in order, and a
 * responder thread that reads {@link PipelineAck}s and hands them to the {@link PacketQueue}.
 * A failure is reported to the queue with the index of the node to blame. Acks of
 * {@link #sendHeartbeat heartbeats} only prove the pipeline alive and are not handed on.
 */
final class BlockPipeline implements Closeable {
  private final Block block;
  private final List<DataNodeInfo> nodes;
  private final DataNodeConnection conn;
  private final Thread responder;
  private volatile boolean closing;
  private long nextSeqno;

  private BlockPipeline(Block block, List<DataNodeInfo> nodes, DataNodeConnection conn,
      PacketQueue queue) {
    this.block = block;
    this.nodes = List.copyOf(nodes);
    this.conn = conn;
    this.responder = new Thread(() -> respond(queue), "quire-responder-" + block.getName());
    this.responder.setDaemon(true);
  }

  /**
   * Opens a pipeline over {@code nodes} for {@code block} (its generation stamp is the replica's
   * current one) and starts reading acks into {@code queue}. The pipeline's block is then
   * {@code block} with {@code newGenerationStamp}.
   *
   * @throws BadPipelineNodeException naming the node that could not be reached or refused;
   *     caused by an {@link InvalidBlockTokenException} when the first node refused the token
   *     (not the node's fault: ask the NameNode for a fresh token)
   */
  static BlockPipeline open(Block block, Token<BlockTokenIdentifier> token,
      List<DataNodeInfo> nodes, BlockConstructionStage stage, long newGenerationStamp,
      String clientName, ClientOptions options, PacketQueue queue)
      throws BadPipelineNodeException {
    String what = "WRITE_BLOCK " + stage + " " + block;
    DataNodeConnection c;
    try {
      // one extension per node: the DataNode next to a stalled one times out before we do
      c = DataNodeConnection.open(nodes.get(0), options, options.writeTimeoutMs(nodes.size()));
    } catch (IOException e) {
      throw new BadPipelineNodeException(what + ": " + e.getMessage(), 0, e);
    }
    try {
      List<DataNodeId> downstream = new ArrayList<>(nodes.subList(1, nodes.size()));
      new WriteBlockRequest(block, clientName, downstream, stage, newGenerationStamp, token)
          .write(c.out());
      c.out().flush();
      OpResponse r = OpResponse.read(c.in());
      if (r.getStatus() == Status.ERROR_ACCESS_TOKEN) {
        String m = new DataNodeOpException(what, nodes.get(0), r).getMessage();
        throw new BadPipelineNodeException(m, 0, new InvalidBlockTokenException(m));
      }
      if (!r.isSuccess()) {
        int bad = indexOf(nodes, r.getFirstBadLink());
        throw new BadPipelineNodeException(new DataNodeOpException(what, nodes.get(0), r)
            .getMessage(), bad < 0 ? 0 : bad, null);
      }
    } catch (BadPipelineNodeException e) {
      c.close();
      throw e;
    } catch (IOException e) {
      c.close();
      throw new BadPipelineNodeException(what + " to " + nodes.get(0).getDataAddress() + ": "
          + e.getMessage(), 0, e);
    }
    BlockPipeline p = new BlockPipeline(block.withGenerationStamp(newGenerationStamp), nodes, c,
        queue);
    p.responder.start();
    return p;
  }

  private static int indexOf(List<DataNodeInfo> nodes, String dataAddress) {
    if (dataAddress == null || dataAddress.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).getDataAddress().equals(dataAddress)) {
        return i;
      }
    }
    return -1;
  }

  Block block() { return block; }
  List<DataNodeInfo> nodes() { return nodes; }

  /**
   * Writes one packet with the next seqno of this pipeline, in one write straight to the
   * socket (the buffered stream is empty once the request is sent).
   */
  void send(OutgoingPacket p) throws IOException {
    p.writeTo(conn.rawOut(), nextSeqno++);
  }

  /**
   * Writes a heartbeat straight to the socket: an empty packet that keeps an idle pipeline open
   * (every node acks it; the responder skips those acks).
   */
  void sendHeartbeat(OutgoingPacket heartbeat) throws IOException {
    heartbeat.writeTo(conn.rawOut(), OutgoingPacket.HEARTBEAT_SEQNO);
  }

  /** Waits up to {@code millis} for the responder to stop (after a failure it reports one). */
  void awaitResponder(long millis) {
    try {
      responder.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void respond(PacketQueue queue) {
    try {
      while (!closing) {
        PipelineAck ack = PipelineAck.read(conn.in());
        int bad = ack.firstFailedIndex();
        if (bad < 0 && ack.getReplies().size() < nodes.size()) {
          bad = ack.getReplies().size();
        }
        if (bad >= 0) {
          throw new BadPipelineNodeException("pipeline of " + block + ": DataNode "
              + nodes.get(Math.min(bad, nodes.size() - 1)).getDataAddress() + " answered "
              + ack, Math.min(bad, nodes.size() - 1), null);
        }
        if (ack.getSeqno() == OutgoingPacket.HEARTBEAT_SEQNO) {
          continue;
        }
        if (queue.acked(ack.getSeqno()).isLastInBlock()) {
          return;
        }
      }
    } catch (BadPipelineNodeException e) {
      queue.pipelineFailed(e, e.getBadIndex());
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        queue.pipelineFailed(new IOException("reading acks of " + block + " from "
            + nodes.get(0).getDataAddress() + ": " + e, e), 0);
      }
    }
  }

  @Override public void close() {
    closing = true;
    conn.close();
    awaitResponder(5_000);
  }
}
