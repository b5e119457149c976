package io.quire.client;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.exceptions.PipelineException;
import io.quire.protocol.security.InvalidBlockTokenException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that takes packets from a stream's {@link PacketQueue} and sends them down block
 * pipelines, overlapping with the writer's next writes.
 *
 * <p>New block: addBlock (previous block committed with its acknowledged length), WRITE_BLOCK
 * CREATE to the targets; a pipeline that cannot be set up is abandoned and a new block asked
 * with the bad node excluded. End of block: the empty last packet is sent and every ack
 * awaited. Pipeline recovery (a node fails mid-block, or an append continues a partial block):
 * the bad node is dropped, updateBlockForPipeline gives a new generation stamp, the survivors
 * get WRITE_BLOCK RECOVER_APPEND with {@code numBytes} = bytes acknowledged, unacknowledged
 * packets are resent, and updatePipeline records the outcome. Every WRITE_BLOCK carries the
 * block access token of the answer it follows (addBlock, or updateBlockForPipeline, so a
 * recovery always writes with a fresh token); a token refusal is not blamed on the node. The
 * pipeline is not widened with new nodes (the protocol has no client-driven replica transfer); the
 * NameNode re-replicates.
 *
 * <p>Keep-alive: a pipeline with nothing to send for half the client socket timeout gets an
 * empty heartbeat packet (as HDFS's streamer sends), so neither the DataNodes' read timeout nor
 * this client's ack-read timeout closes a pipeline that a slow writer merely leaves idle.
 */
final class DataStreamer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DataStreamer.class);

  private final ClientProtocol nn;
  private final ClientOptions options;
  private final String clientName;
  private final String clientHost;
  private final String path;
  private final long fileId;
  private final PacketQueue queue;
  private final List<String> excluded = new ArrayList<>();
  private volatile BlockPipeline pipeline;
  /** Block (with acknowledged length) to continue through a recovery pipeline, for append. */
  private LocatedBlock appendBlock;
  /** The most recent block of the file with its acknowledged length, or null. */
  private volatile Block lastBlock;
  private int recoveriesThisBlock;
  /** Pipeline idle time after which a heartbeat is sent, ms; 0: never. */
  private final long heartbeatIntervalMs;
  /** Offset in the block after the last data packet sent on the current pipeline. */
  private long sentEndInBlock;

  DataStreamer(ClientProtocol nn, ClientOptions options, String clientName, String clientHost,
      String path, long fileId, PacketQueue queue, LocatedBlock appendBlock) {
    this.nn = nn;
    this.options = options;
    this.clientName = clientName;
    this.clientHost = clientHost;
    this.path = path;
    this.fileId = fileId;
    this.queue = queue;
    this.appendBlock = appendBlock;
    this.lastBlock = appendBlock == null ? null : appendBlock.getBlock();
    this.heartbeatIntervalMs = options.socketTimeoutMs() / 2;
  }

  /** The file's last block with the length acknowledged by its pipeline (null: no blocks). */
  Block lastBlock() {
    BlockPipeline p = pipeline;
    Block b = lastBlock;
    return b == null ? null : b.withNumBytes(p == null ? b.getNumBytes() : queue.ackedEndInBlock());
  }

  @Override public void run() {
    try {
      while (true) {
        OutgoingPacket p = pipeline == null ? queue.awaitNext()
            : queue.awaitNext(heartbeatIntervalMs, sentEndInBlock);
        if (queue.pipelineError() != null) {
          recover(queue.badNodeIndex(), queue.pipelineError());
          continue;
        }
        if (p == null) {
          break;
        }
        if (p.isHeartbeat()) {
          sendHeartbeat(p);
        } else {
          sendOne(p);
        }
      }
      if (pipeline != null) {
        queue.awaitAllSentAcked();
      }
    } catch (IOException | RuntimeException e) {
      IOException io = e instanceof IOException ? (IOException) e
          : new IOException("write " + path + ": " + e, e);
      LOG.warn("write of {} failed: {}", path, io.toString());
      queue.fail(io);
    } finally {
      closePipeline();
    }
  }

  private void sendOne(OutgoingPacket p) throws IOException {
    if (pipeline == null) {
      if (appendBlock != null) {
        LocatedBlock ab = appendBlock;
        appendBlock = null;
        queue.startBlock(ab.getBlock().getNumBytes());
        recoverOnto(ab.getBlock(), new ArrayList<>(ab.getLocations()), null);
      } else {
        setupNewBlock();
      }
    }
    queue.markSent(p);
    try {
      pipeline.send(p);
      sentEndInBlock = p.endOffsetInBlock();
    } catch (IOException e) {
      pipeline.awaitResponder(1_000);
      int bad = queue.pipelineError() != null ? queue.badNodeIndex() : 0;
      recover(bad, e);
      return;
    }
    if (p.isLastInBlock()) {
      try {
        queue.awaitAllSentAcked();
      } catch (PipelineException e) {
        recover(queue.badNodeIndex(), e);
        return;
      } catch (IOException e) {
        if (queue.pipelineError() == null) {
          throw e;
        }
        recover(queue.badNodeIndex(), e);
        return;
      }
      lastBlock = pipeline.block().withNumBytes(p.offsetInBlock());
      closePipeline();
    }
  }

  /** Sends a heartbeat on the idle pipeline; a pipeline that fails it is recovered. */
  private void sendHeartbeat(OutgoingPacket heartbeat) throws IOException {
    try {
      pipeline.sendHeartbeat(heartbeat);
    } catch (IOException e) {
      pipeline.awaitResponder(1_000);
      recover(queue.pipelineError() != null ? queue.badNodeIndex() : 0, e);
    }
  }

  private void setupNewBlock() throws IOException {
    Block previous = lastBlock;
    IOException lastError = null;
    for (int attempt = 0; attempt < options.blockSetupRetries(); attempt++) {
      LocatedBlock lb = NameNodeRetries.addBlock(nn, options, path, fileId, clientName, previous,
          List.copyOf(excluded), clientHost);
      if (lb.getLocations().isEmpty()) {
        throw new IOException("addBlock " + path + ": NameNode gave " + lb.getBlock()
            + " no DataNodes");
      }
      try {
        queue.startBlock(0);
        pipeline = BlockPipeline.open(lb.getBlock().withNumBytes(0), lb.getToken(),
            lb.getLocations(), BlockConstructionStage.CREATE,
            lb.getBlock().getGenerationStamp(), clientName, options, queue);
        lastBlock = lb.getBlock().withNumBytes(0);
        sentEndInBlock = 0;
        recoveriesThisBlock = 0;
        return;
      } catch (BadPipelineNodeException e) {
        lastError = e;
        DataNodeInfo bad = lb.getLocations().get(e.getBadIndex());
        LOG.warn("abandoning {} of {}: pipeline setup failed at {}: {}", lb.getBlock(), path,
            bad.getDataAddress(), e.getMessage());
        if (!isTokenRefusal(e)) { // a refused token is not the node's fault: retry with a new one
          excluded.add(bad.getUuid());
        }
        nn.abandonBlock(path, fileId, clientName, lb.getBlock());
      }
    }
    throw new PipelineException("write " + path + ": could not set up a pipeline for a new block"
        + " after " + options.blockSetupRetries() + " attempts, excluded " + excluded, lastError);
  }

  /** Drops the node at {@code badIndex} and continues the current block on the survivors. */
  private void recover(int badIndex, IOException cause) throws IOException {
    if (pipeline == null) {
      queue.requeueUnacked(); // an error from a pipeline already finished: nothing to resend
      return;
    }
    Block block = pipeline.block();
    List<DataNodeInfo> nodes = new ArrayList<>(pipeline.nodes());
    closePipeline();
    queue.requeueUnacked();
    if (++recoveriesThisBlock > options.pipelineRecoveryRetries()) {
      throw new PipelineException("write " + path + ": " + block + " failed after "
          + options.pipelineRecoveryRetries() + " pipeline recoveries", cause);
    }
    int bad = badIndex < 0 || badIndex >= nodes.size() ? 0 : badIndex;
    DataNodeInfo dropped = nodes.remove(bad);
    excluded.add(dropped.getUuid());
    LOG.warn("pipeline of {} for {}: dropping {} ({}), continuing on {}", block, path,
        dropped.getDataAddress(), cause.getMessage(), nodes);
    recoverOnto(block, nodes, cause);
  }

  /**
   * Re-stamps {@code block} and opens a RECOVER_APPEND pipeline on {@code nodes} at the
   * acknowledged length, dropping further nodes that fail; records it with updatePipeline.
   */
  private void recoverOnto(Block block, List<DataNodeInfo> nodes, IOException cause)
      throws IOException {
    long acked = queue.ackedEndInBlock();
    Block oldBlock = block.withNumBytes(acked);
    boolean tokenRefetched = false;
    while (true) {
      if (nodes.isEmpty()) {
        throw new PipelineException("write " + path + ": every DataNode of the pipeline for "
            + block + " failed", cause);
      }
      // a new generation stamp and a fresh WRITE token for the recovery pipeline
      LocatedBlock updated = nn.updateBlockForPipeline(oldBlock, clientName);
      long newGs = updated.getBlock().getGenerationStamp();
      Block newBlock = new Block(block.getBlockId(), newGs, acked);
      try {
        pipeline = BlockPipeline.open(oldBlock, updated.getToken(), nodes,
            BlockConstructionStage.RECOVER_APPEND, newGs, clientName, options, queue);
      } catch (BadPipelineNodeException e) {
        if (isTokenRefusal(e) && !tokenRefetched) {
          tokenRefetched = true; // once, like HDFS's refetchToken; then the node is dropped
          cause = e;
          LOG.warn("recovery of {} for {}: token refused, asking for a fresh one: {}", block,
              path, e.getMessage());
          continue;
        }
        DataNodeInfo dropped = nodes.remove(e.getBadIndex());
        excluded.add(dropped.getUuid());
        cause = e;
        LOG.warn("recovery of {} for {}: {} failed too: {}", block, path,
            dropped.getDataAddress(), e.getMessage());
        continue;
      }
      nn.updatePipeline(clientName, oldBlock, newBlock, List.copyOf(nodes));
      lastBlock = newBlock;
      sentEndInBlock = acked;
      return;
    }
  }

  private static boolean isTokenRefusal(BadPipelineNodeException e) {
    return e.getCause() instanceof InvalidBlockTokenException;
  }

  private void closePipeline() {
    BlockPipeline p = pipeline;
    pipeline = null;
    if (p != null) {
      p.close();
    }
  }
}
