package io.quire.client;

import io.quire.protocol.client.ClientProtocol;
import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a client's leases alive: while at least one file is open for writing, a daemon thread
 * calls renewLease(clientName) every {@code leaseRenewIntervalMs}. One renewer per client name.
 */
final class LeaseRenewer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

  private final ClientProtocol nn;
  private final String clientName;
  private final long intervalMs;
  private final Set<Object> openFiles = ConcurrentHashMap.newKeySet();
  private Thread thread;
  private boolean closed;

  LeaseRenewer(ClientProtocol nn, String clientName, long intervalMs) {
    this.nn = nn;
    this.clientName = clientName;
    this.intervalMs = intervalMs;
  }

  /** A file was opened for writing: make sure renewal runs. */
  synchronized void begin(Object stream) {
    openFiles.add(stream);
    if (thread == null && !closed) {
      thread = new Thread(this::run, "quire-lease-renewer-" + clientName);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** A file was closed (or abandoned): its lease no longer needs renewing. */
  synchronized void end(Object stream) {
    openFiles.remove(stream);
  }

  synchronized int openFileCount() { return openFiles.size(); }

  /** The streams currently registered, as a snapshot. */
  synchronized java.util.List<Object> openFiles() { return java.util.List.copyOf(openFiles); }

  private void run() {
    while (true) {
      synchronized (this) {
        try {
          wait(intervalMs);
        } catch (InterruptedException e) {
          return;
        }
        if (closed) {
          return;
        }
        if (openFiles.isEmpty()) {
          continue;
        }
      }
      try {
        nn.renewLease(clientName);
      } catch (IOException e) {
        LOG.warn("renewLease({}) failed, retrying in {} ms: {}", clientName, intervalMs,
            e.toString());
      }
    }
  }

  @Override public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
      notifyAll();
    }
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
