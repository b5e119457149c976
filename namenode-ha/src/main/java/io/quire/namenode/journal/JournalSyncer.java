package io.quire.namenode.journal;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs journal writers for callers that must not wait (the role of HDFS's FSEditLogAsync
 * thread): a caller that appended records registers what to do once they are durable
 * ({@link #whenSynced}) and goes on. One thread takes everything registered so far, syncs each
 * writer once up to the highest txid registered for it ({@link JournalWriter#awaitSync}: one
 * group commit, which also carries whatever was appended meanwhile), then tells each waiter,
 * in registration order: {@link Waiter#synced} after a sync that covered its txid,
 * {@link Waiter#failed} when that sync failed (the writer is unusable then). Waiters registered
 * during a sync are served by the next one, so the syncs follow each other back to back under
 * load and each covers every call that came in while the previous one ran.
 *
 * <p>Waiters run on the syncer thread: they must not block for long (sending an IPC answer is
 * fine). {@link #close} serves what is registered, then stops the thread; a waiter registered
 * after close (a call still in a handler while the NameNode stops) is served on the caller's
 * thread: the writer syncs it, or has synced it when it closed.
 */
public final class JournalSyncer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(JournalSyncer.class);

  /** What to do once records are durable, or could not be made durable. */
  public interface Waiter {
    void synced();

    void failed(IOException cause);
  }

  private record Entry(JournalWriter writer, long txId, Waiter waiter) { }

  private final Thread thread;
  private List<Entry> queue = new ArrayList<>();
  private boolean closed;

  /** Starts the syncer thread (a daemon named {@code name}). */
  public JournalSyncer(String name) {
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Tells {@code waiter} once the records of {@code writer} up to {@code txId} are durable. */
  public void whenSynced(JournalWriter writer, long txId, Waiter waiter) {
    synchronized (this) {
      if (!closed) {
        queue.add(new Entry(writer, txId, waiter));
        notifyAll();
        return;
      }
    }
    serve(List.of(new Entry(writer, txId, waiter)));
  }

  private void run() {
    while (true) {
      List<Entry> batch;
      synchronized (this) {
        while (queue.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            // only close ends the thread: it serves what is registered first
          }
        }
        if (queue.isEmpty()) {
          return;
        }
        batch = queue;
        queue = new ArrayList<>();
      }
      serve(batch);
    }
  }

  private static void serve(List<Entry> batch) {
    Map<JournalWriter, Long> highest = new IdentityHashMap<>();
    for (Entry e : batch) {
      highest.merge(e.writer(), e.txId(), Math::max);
    }
    Map<JournalWriter, IOException> failures = new IdentityHashMap<>();
    for (Map.Entry<JournalWriter, Long> h : highest.entrySet()) {
      try {
        h.getKey().awaitSync(h.getValue());
      } catch (IOException e) {
        failures.put(h.getKey(), e);
      } catch (RuntimeException e) {
        failures.put(h.getKey(), new IOException("journal sync up to txid " + h.getValue()
            + " failed unexpectedly: " + e, e));
      }
    }
    for (Entry e : batch) {
      IOException failure = failures.get(e.writer());
      if (failure == null) {
        try {
          e.waiter().synced();
        } catch (RuntimeException | Error ex) {
          LOG.error("Telling a waiter that txid {} is durable failed", e.txId(), ex);
        }
      } else {
        tell(e.waiter(), failure);
      }
    }
  }

  private static void tell(Waiter w, IOException failure) {
    try {
      w.failed(failure);
    } catch (RuntimeException | Error ex) {
      LOG.error("Telling a waiter of a failed journal sync failed", ex);
    }
  }

  /** Waiters registered and not yet taken for a sync (the next sync serves them). */
  public synchronized int queued() {
    return queue.size();
  }

  /**
   * Lets the thread serve every waiter registered so far and stop, waiting for it at most
   * {@value #CLOSE_WAIT_SECONDS} s: the thread may itself be the one stopping the process (a
   * failed sync on a single NameNode exits from a waiter, and the exit's shutdown hook closes
   * this), and a daemon thread left behind only finishes answering.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("Journal syncer {} still busy after {} s; left to finish", thread.getName(),
          CLOSE_WAIT_SECONDS);
    }
  }

  private static final int CLOSE_WAIT_SECONDS = 2;
}
