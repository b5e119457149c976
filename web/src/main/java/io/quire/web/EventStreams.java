package io.quire.web;

import java.util.concurrent.Semaphore;
import javax.servlet.ServletContext;

/**
 * The open Server-Sent Event streams of one HTTP server: how often they push, how many may be
 * open at once (each holds a server thread), and the signal that ends them all when the server
 * stops (so stopping never waits for browsers to go away). Kept as a servlet-context attribute.
 */
public final class EventStreams {
  static final String ATTRIBUTE = "quire.web.event-streams";

  private final long periodMs;
  private final Semaphore slots;
  private boolean closed;

  /**
   * @param periodMs time between two looks at a model (an event is sent when it changed)
   * @param maxStreams streams open at once; more are refused with 503
   */
  EventStreams(long periodMs, int maxStreams) {
    this.periodMs = periodMs;
    this.slots = new Semaphore(maxStreams);
  }

  static EventStreams of(ServletContext context) {
    return (EventStreams) context.getAttribute(ATTRIBUTE);
  }

  long periodMs() { return periodMs; }

  /** Takes a stream slot; false when all are in use. Pair with {@link #release}. */
  boolean tryAcquire() {
    return slots.tryAcquire();
  }

  void release() {
    slots.release();
  }

  /** Waits one period; false once the server is closing (the stream must end). */
  synchronized boolean awaitNext() throws InterruptedException {
    if (!closed) {
      wait(periodMs);
    }
    return !closed;
  }

  /** Ends every stream. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
