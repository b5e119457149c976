package io.quire.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One client of the HA benchmark: a thread with a FileSystem of its own that creates and closes
 * empty files ({@code dir/f<n>}, a create and a complete on the NameNode) in a loop; a
 * {@link PauseTracker} turns the times of its successes into how long an event (a failover)
 * kept it from succeeding. A failed operation (its exception reached the caller) is counted and
 * the loop goes on with the next file.
 */
final class ClientLoop implements AutoCloseable {
  private final FileSystem fs;
  private final Path dir;
  private final Thread thread;
  private final PauseTracker tracker = new PauseTracker(System.nanoTime());
  private volatile boolean running = true;
  private long ops;
  private IOException lastFailure;

  ClientLoop(FileSystem fs, Path dir, String name) {
    this.fs = fs;
    this.dir = dir;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    for (long n = 0; running; n++) {
      try {
        fs.create(new Path(dir, "f" + n), false).close();
        succeeded(System.nanoTime());
      } catch (IOException e) {
        failed(e);
      }
    }
  }

  private synchronized void succeeded(long now) {
    tracker.succeeded(now);
    ops++;
    notifyAll();
  }

  private synchronized void failed(IOException e) {
    tracker.failed();
    lastFailure = e;
  }

  /** Waits until this client has made {@code more} further successful operations. */
  synchronized void awaitOps(long more, long timeoutMs) throws InterruptedException {
    long target = ops + more;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (ops < target) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(thread.getName() + " made no progress in " + timeoutMs
            + " ms; last failure: " + lastFailure);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** An event begins at {@code nanos} (System.nanoTime). */
  synchronized void begin(long nanos) {
    tracker.begin(nanos);
    lastFailure = null;
  }

  /** The event is over (the failover command returned; for a kill, the kill itself). */
  synchronized void end(long nanos) {
    tracker.end(nanos);
  }

  /**
   * Waits for the first success after the event ended (so the longest gap is final), then
   * returns what this client saw.
   */
  synchronized PauseTracker.Seen awaitResumed(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (!tracker.resumed()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(thread.getName() + " did not resume within "
            + timeoutMs + " ms; last failure: " + lastFailure);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return tracker.seen();
  }

  /** Stops the loop after its current operation and closes the FileSystem. */
  @Override public void close() throws IOException {
    running = false;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fs.close();
  }
}
