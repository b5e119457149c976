package io.quire.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The packets of one output stream between the writer and the pipeline: a data queue (not yet
 * sent) and an ack queue (sent, not yet acknowledged by every pipeline node), bounded together
 * so the writer blocks when {@code maxInFlight} packets are outstanding. One monitor guards
 * both; the writer, the streamer and the responder wait on it.
 *
 * <p>The frame buffers of acknowledged packets go back to a {@link FramePool} that the writer
 * takes its next packets' buffers from, so a long write (or a series of small files) does not
 * allocate a fresh packet-sized buffer per packet.
 */
final class PacketQueue {
  private final ArrayDeque<OutgoingPacket> dataQueue = new ArrayDeque<>();
  private final ArrayDeque<OutgoingPacket> ackQueue = new ArrayDeque<>();
  private final FramePool frames;
  private final int maxInFlight;
  private long lastEnqueued;
  private long lastAcked;
  private long ackedEndInBlock;
  private boolean closing;
  private IOException failure;
  private IOException pipelineError;
  private int badNodeIndex = -1;

  PacketQueue(int maxInFlight) {
    this(maxInFlight, FramePool.shared());
  }

  PacketQueue(int maxInFlight, FramePool frames) {
    this.maxInFlight = maxInFlight;
    this.frames = frames;
  }

  /** Adds a sealed packet, blocking while the stream has maxInFlight packets outstanding. */
  synchronized void enqueue(OutgoingPacket p) throws IOException {
    while (failure == null && dataQueue.size() + ackQueue.size() >= maxInFlight) {
      waitInterruptibly();
    }
    throwIfFailed();
    p.setNumber(++lastEnqueued);
    dataQueue.addLast(p);
    notifyAll();
  }

  /** A frame buffer of at least {@code length} bytes, reused where one was given back. */
  ByteBuffer takeFreeFrame(int length) {
    return frames.take(length);
  }

  /** Next packet to send (left in the queue), or null when closed and drained or failed. */
  synchronized OutgoingPacket awaitNext() throws InterruptedIOException {
    return awaitNext(0, 0);
  }

  /**
   * Like {@link #awaitNext()}, but after {@code idleMillis} (&gt; 0) without a packet to send
   * returns a new {@link OutgoingPacket#heartbeat heartbeat} at {@code heartbeatOffset}, not
   * queued; 0 waits without limit.
   */
  synchronized OutgoingPacket awaitNext(long idleMillis, long heartbeatOffset)
      throws InterruptedIOException {
    long deadline = idleMillis > 0 ? System.nanoTime() + idleMillis * 1_000_000L : 0;
    while (dataQueue.isEmpty() && !closing && failure == null && pipelineError == null) {
      if (deadline == 0) {
        waitInterruptibly();
        continue;
      }
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0) {
        return OutgoingPacket.heartbeat(heartbeatOffset);
      }
      waitInterruptibly(Math.max(1, leftNanos / 1_000_000L));
    }
    if (failure != null || (dataQueue.isEmpty() && pipelineError == null)) {
      return null;
    }
    return dataQueue.peekFirst();
  }

  /** Moves the head of the data queue to the ack queue (it is about to be written). */
  synchronized void markSent(OutgoingPacket p) {
    if (dataQueue.peekFirst() == p) {
      dataQueue.removeFirst();
      ackQueue.addLast(p);
    }
  }

  /** Records the acknowledgement of {@code seqno}; returns the packet acknowledged. */
  synchronized OutgoingPacket acked(long seqno) throws IOException {
    OutgoingPacket head = ackQueue.peekFirst();
    if (head == null || head.seqno() != seqno) {
      throw new IOException("unexpected ack for seqno " + seqno + ", expected "
          + (head == null ? "none" : head.toString()));
    }
    ackQueue.removeFirst();
    frames.give(head.releaseFrame());
    lastAcked = head.number();
    ackedEndInBlock = head.isLastInBlock() ? ackedEndInBlock : head.endOffsetInBlock();
    notifyAll();
    return head;
  }

  /** Waits until every sent packet is acknowledged; throws the pipeline's error if it fails. */
  synchronized void awaitAllSentAcked() throws IOException {
    while (!ackQueue.isEmpty() && pipelineError == null && failure == null) {
      waitInterruptibly();
    }
    throwIfFailed();
    if (pipelineError != null) {
      throw pipelineError;
    }
  }

  /** Waits until packet number {@code n} (see enqueue) is acknowledged by the whole pipeline. */
  synchronized void awaitAcked(long n) throws IOException {
    while (lastAcked < n && failure == null) {
      waitInterruptibly();
    }
    throwIfFailed();
  }

  /** The responder reports a broken pipeline, with the index of the node to blame or -1. */
  synchronized void pipelineFailed(IOException e, int badIndex) {
    if (pipelineError == null) {
      pipelineError = e;
      badNodeIndex = badIndex;
      notifyAll();
    }
  }

  synchronized IOException pipelineError() { return pipelineError; }
  synchronized int badNodeIndex() { return badNodeIndex; }

  /** After recovery: unacknowledged packets go back to the front, in order, to be resent. */
  synchronized void requeueUnacked() {
    for (Iterator<OutgoingPacket> it = ackQueue.descendingIterator(); it.hasNext();) {
      dataQueue.addFirst(it.next());
    }
    ackQueue.clear();
    pipelineError = null;
    badNodeIndex = -1;
  }

  /** A new block starts: nothing of it is acknowledged yet. */
  synchronized void startBlock(long ackedBytes) {
    ackedEndInBlock = ackedBytes;
  }

  /** Bytes of the current block acknowledged by the whole pipeline. */
  synchronized long ackedEndInBlock() { return ackedEndInBlock; }

  synchronized long lastEnqueued() { return lastEnqueued; }

  /** The stream fails for good: waiters wake and throw {@code e}. */
  synchronized void fail(IOException e) {
    if (failure == null) {
      failure = e;
    }
    notifyAll();
  }

  synchronized IOException failure() { return failure; }

  /** No more packets will be enqueued; the streamer stops once the queue drains. */
  synchronized void close() {
    closing = true;
    notifyAll();
  }

  private void throwIfFailed() throws IOException {
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
  }

  private void waitInterruptibly() throws InterruptedIOException {
    waitInterruptibly(0);
  }

  private void waitInterruptibly(long millis) throws InterruptedIOException {
    try {
      wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the write pipeline");
    }
  }
}
