package io.quire.protocol.net;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Write timeouts for blocking sockets. A blocking socket has a read timeout
 * ({@code SO_TIMEOUT}) but no write timeout: a write to a peer that stopped reading blocks
 * forever once the socket buffers are full. {@link #output} wraps a socket's output stream so
 * that every write call must complete within its timeout; one daemon thread (the watchdog)
 * checks the writes in progress every {@value #TICK_MS} ms and aborts the socket of any that
 * has run past its deadline, which wakes the blocked writer, whose write then fails with a
 * {@link java.net.SocketTimeoutException}.
 *
 * <p>Why not Hadoop's selector-based SocketOutputStream (HDFS's way): it needs non-blocking
 * channels for reads as well, and its selector waits (register, select, cancel, selectNow per
 * wait) cost measurably more CPU per packet than blocking reads and writes; here a write costs
 * two volatile writes and a set insertion. A timeout bounds one write call (a whole packet
 * frame, or one zero-copy transfer), and fires up to {@value #TICK_MS} ms late.
 *
 * <p>Reads through a socket's channel (into direct buffers, with no copy through the JDK's
 * temporary buffer) ignore {@code SO_TIMEOUT}; {@link #input} bounds each of them the same way.
 *
 * <p>{@link #shared()} serves every socket of the process (the thread starts on first use and
 * never holds anything but the writes in progress).
 */
public final class SocketWriteTimeouts {
  /** How often the watchdog checks the writes in progress. */
  public static final long TICK_MS = 100;

  private static final SocketWriteTimeouts SHARED = new SocketWriteTimeouts();

  private final Set<Deadlined> writing = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService watchdog;

  private SocketWriteTimeouts() {}

  /** The process-wide instance. */
  public static SocketWriteTimeouts shared() { return SHARED; }

  /**
   * {@code s}'s output stream, unbuffered, whose writes fail after {@code timeoutMs} (0: the
   * writes wait forever, as on a plain socket). Close the socket, not the stream.
   */
  public TimedSocketOutput output(Socket s, long timeoutMs) throws IOException {
    if (timeoutMs < 0) {
      throw new IllegalArgumentException("write timeout " + timeoutMs + " ms");
    }
    if (timeoutMs > 0) {
      startWatchdog();
    }
    return new TimedSocketOutput(this, s, timeoutMs);
  }

  /**
   * {@code s}'s channel as a readable input whose every read fails after {@code timeoutMs}
   * without data (as {@code SO_TIMEOUT} does for the socket's stream, which a blocking
   * channel's reads ignore); the socket must have a channel in blocking mode.
   */
  public TimedChannelInput input(Socket s, long timeoutMs) throws IOException {
    if (timeoutMs < 0) {
      throw new IllegalArgumentException("read timeout " + timeoutMs + " ms");
    }
    if (timeoutMs > 0) {
      startWatchdog();
    }
    return new TimedChannelInput(this, s, timeoutMs);
  }

  void begin(Deadlined o) { writing.add(o); }

  void end(Deadlined o) { writing.remove(o); }

  /** An I/O call in progress that the watchdog aborts when it runs past its deadline. */
  interface Deadlined {
    void checkDeadline(long now);
  }

  private void startWatchdog() {
    if (watchdog != null) {
      return;
    }
    synchronized (this) {
      if (watchdog == null) {
        ScheduledExecutorService w = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "socket-write-timeouts");
          t.setDaemon(true);
          return t;
        });
        w.scheduleWithFixedDelay(this::check, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        watchdog = w;
      }
    }
  }

  /**
   * One watchdog tick: aborts the sockets of writes past their deadline. Never throws (a
   * scheduled task that throws is never run again, and write timeouts must go on).
   */
  private void check() {
    long now = System.nanoTime();
    for (Deadlined o : writing) {
      try {
        o.checkDeadline(now);
      } catch (RuntimeException e) {
        // one socket's failure to abort must not end the watchdog for the others
      }
    }
  }
}
