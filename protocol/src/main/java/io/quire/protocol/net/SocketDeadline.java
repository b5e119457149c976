package io.quire.protocol.net;

import java.net.Socket;

/**
 * The deadline of the one blocking operation in progress on a socket (a write of
 * {@link TimedSocketOutput}, a read of {@link TimedChannelInput}), watched by
 * {@link SocketWriteTimeouts}: an operation that runs past the timeout aborts the socket (input
 * and output shut down, then closed) and marks the deadline missed; the caller turns that into
 * its own {@link java.net.SocketTimeoutException}. A timeout of 0 watches nothing.
 */
final class SocketDeadline implements SocketWriteTimeouts.Deadlined {
  private final SocketWriteTimeouts owner;
  private final Socket socket;
  private final long timeoutNanos;
  /** System.nanoTime() when the operation in progress started; 0 when none is. */
  private volatile long started;
  private volatile boolean missed;

  SocketDeadline(SocketWriteTimeouts owner, Socket socket, long timeoutMs) {
    this.owner = owner;
    this.socket = socket;
    this.timeoutNanos = timeoutMs * 1_000_000;
  }

  /** True once an operation ran past the timeout: the connection is over. */
  boolean missed() {
    return missed;
  }

  /** An operation starts: the watchdog watches it until {@link #end()}. */
  void begin() {
    if (timeoutNanos > 0) {
      started = System.nanoTime();
      owner.begin(this);
    }
  }

  void end() {
    if (timeoutNanos > 0) {
      owner.end(this);
      started = 0;
    }
  }

  /** Called by the watchdog: aborts the socket when the operation in progress is overdue. */
  @Override public void checkDeadline(long now) {
    long s = started;
    if (s != 0 && now - s > timeoutNanos && !missed) {
      missed = true;
      SocketAbort.abort(socket);
    }
  }
}
