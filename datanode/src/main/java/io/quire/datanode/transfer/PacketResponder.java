package io.quire.datanode.transfer;

import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.storage.Replica;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the acks of one write pipeline upstream, in seqno order. For each packet the receiver
 * wrote, it reads the downstream node's ack (if any), prepends its own status and sends it;
 * the last node of a pipeline acks after its own write. When the downstream ack cannot be read
 * (or is out of order) it reports {@code [SUCCESS, ERROR]} so the writer learns which node
 * failed, cuts the downstream connection off (so a receiver blocked forwarding to a stalled
 * node goes on at once, without the mirror, instead of waiting for the write timeout) and
 * stops.
 * Acknowledged bytes become the replica's visible length.
 */
final class PacketResponder implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PacketResponder.class);

  /** A packet written locally and waiting for its ack. */
  private record Pending(long seqno, long endOffset, boolean last, Status own) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Replica replica;
  private final DataInputStream mirrorIn;
  private final DataOutputStream upstream;
  private final DataNodeFaultInjector faults;
  private final Runnable dropDownstream;
  private volatile boolean failed;
  /** Highest seqno the downstream acknowledged as written by every node after this one. */
  private long downstreamCleanThrough = -1;
  /** The downstream failed an ack, or this responder stopped. */
  private boolean downstreamDone;

  /**
   * @param dropDownstream cuts the downstream connection off (called when its ack fails)
   */
  PacketResponder(Replica replica, DataInputStream mirrorIn, DataOutputStream upstream,
      DataNodeFaultInjector faults, Runnable dropDownstream) {
    this.replica = replica;
    this.mirrorIn = mirrorIn;
    this.upstream = upstream;
    this.faults = faults;
    this.dropDownstream = dropDownstream;
  }

  /** Queues the ack of a packet written up to {@code endOffset}. */
  void enqueue(long seqno, long endOffset, boolean last) {
    queue.add(new Pending(seqno, endOffset, last, Status.SUCCESS));
  }

  /** Queues an error ack for {@code seqno}; the responder stops after sending it. */
  void enqueueError(long seqno, Status status) {
    queue.add(new Pending(seqno, -1, true, status));
  }

  /**
   * Waits until the downstream nodes have acknowledged every packet up to {@code seqno} as
   * written (without error), at most {@code timeoutMs}; false if they did not: an ack failed
   * (ERROR_CHECKSUM from the node that verifies, or a lost node), this responder stopped, or
   * the time ran out (0: no limit). True at once without a downstream.
   */
  synchronized boolean awaitDownstreamAcked(long seqno, long timeoutMs)
      throws InterruptedException {
    if (mirrorIn == null) {
      return true;
    }
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (downstreamCleanThrough < seqno && !downstreamDone) {
      if (timeoutMs <= 0) {
        wait();
        continue;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return downstreamCleanThrough >= seqno;
  }

  private synchronized void downstreamAcked(PipelineAck ack) {
    if (ack.firstFailedIndex() >= 0) {
      downstreamDone = true;
    } else {
      downstreamCleanThrough = Math.max(downstreamCleanThrough, ack.getSeqno());
    }
    notifyAll();
  }

  private synchronized void stopped() {
    downstreamDone = true;
    notifyAll();
  }

  /** Whether acks could not be sent upstream (the writer is gone). */
  boolean hasFailed() { return failed; }

  @Override public void run() {
    try {
      while (true) {
        Pending p = queue.take();
        PipelineAck ack;
        boolean stop = p.last();
        if (p.own() != Status.SUCCESS) {
          ack = new PipelineAck(p.seqno(), List.of(p.own()));
        } else if (mirrorIn == null) {
          ack = new PipelineAck(p.seqno(), List.of(Status.SUCCESS));
        } else {
          ack = readMirrorAck(p.seqno());
          downstreamAcked(ack);
          stop |= ack.firstFailedIndex() >= 0;
        }
        if (ack.firstFailedIndex() < 0 && p.endOffset() >= 0) {
          replica.setAckedLength(p.endOffset());
        }
        faults.run(DataNodeFaultInjector.Point.BEFORE_SEND_ACK, ack);
        ack.write(upstream);
        upstream.flush();
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      failed = true;
      LOG.warn("Responder for {}: cannot send ack upstream: {}", replica, e.toString());
    } finally {
      stopped();
    }
  }

  private PipelineAck readMirrorAck(long seqno) {
    try {
      PipelineAck down = PipelineAck.read(mirrorIn);
      if (down.getSeqno() != seqno) {
        LOG.warn("Responder for {}: downstream acked seqno {}, expected {}", replica,
            down.getSeqno(), seqno);
        dropDownstream.run();
        return new PipelineAck(seqno, List.of(Status.SUCCESS, Status.ERROR));
      }
      return down.prepend(Status.SUCCESS);
    } catch (IOException e) {
      LOG.warn("Responder for {}: downstream ack of packet {} failed: {}", replica, seqno,
          e.toString());
      dropDownstream.run();
      return new PipelineAck(seqno, List.of(Status.SUCCESS, Status.ERROR));
    }
  }
}
