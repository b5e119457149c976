package io.quire.protocol.net;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Reads from a blocking socket's channel straight into a caller's buffer (a direct one is
 * filled by the kernel with no copy through the JDK's temporary buffer), each read bounded by a
 * timeout like {@code SO_TIMEOUT}, which a channel's reads ignore: the watchdog of
 * {@link SocketWriteTimeouts} aborts the socket of a read that got no data within the timeout,
 * and that read, and every later one, fails with a {@link SocketTimeoutException} naming the
 * peer and the timeout (up to {@link SocketWriteTimeouts#TICK_MS} late). The connection is over
 * then. Not thread-safe; nothing may be buffered from the socket's stream in front of it.
 */
public final class TimedChannelInput implements SocketWriteTimeouts.Deadlined {
  private final SocketWriteTimeouts owner;
  private final Socket socket;
  private final SocketChannel channel;
  private final long timeoutMs;
  private final long timeoutNanos;
  /** System.nanoTime() when the read in progress started; 0 when none is. */
  private volatile long started;
  private volatile boolean timedOut;

  TimedChannelInput(SocketWriteTimeouts owner, Socket socket, long timeoutMs)
      throws IOException {
    this.owner = owner;
    this.socket = socket;
    this.channel = socket.getChannel();
    if (channel == null || !channel.isBlocking()) {
      throw new IOException("channel read from " + socket.getRemoteSocketAddress()
          + ": the socket has no channel in blocking mode");
    }
    this.timeoutMs = timeoutMs;
    this.timeoutNanos = timeoutMs * 1_000_000;
  }

  /**
   * Reads until {@code dst} has no room left.
   *
   * @throws java.io.EOFException when the peer closes first
   * @throws SocketTimeoutException when one read got no data within the timeout
   */
  public void readFully(ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      if (read(dst) < 0) {
        throw new java.io.EOFException("read from " + socket.getRemoteSocketAddress()
            + ": connection closed with " + dst.remaining() + " bytes still expected");
      }
    }
  }

  /** One read of at most {@code dst.remaining()} bytes; -1 at end of stream. */
  public int read(ByteBuffer dst) throws IOException {
    if (timedOut) {
      throw timeout(null);
    }
    if (timeoutNanos > 0) {
      started = System.nanoTime();
      owner.begin(this);
    }
    try {
      return channel.read(dst);
    } catch (IOException e) {
      throw timedOut ? timeout(e) : e;
    } finally {
      if (timeoutNanos > 0) {
        owner.end(this);
        started = 0;
      }
    }
  }

  /** Called by the watchdog: aborts the socket when the read in progress is overdue. */
  @Override public void checkDeadline(long now) {
    long s = started;
    if (s != 0 && now - s > timeoutNanos && !timedOut) {
      timedOut = true;
      TimedSocketOutput.abort(socket);
    }
  }

  private SocketTimeoutException timeout(IOException cause) {
    SocketTimeoutException t = new SocketTimeoutException("read from "
        + socket.getRemoteSocketAddress() + " timed out: no data within " + timeoutMs + " ms");
    if (cause != null) {
      t.initCause(cause);
    }
    return t;
  }
}
