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
public final class TimedChannelInput {
  private final Socket socket;
  private final SocketChannel channel;
  private final long timeoutMs;
  private final SocketDeadline deadline;

  TimedChannelInput(SocketWriteTimeouts owner, Socket socket, long timeoutMs)
      throws IOException {
    this.socket = socket;
    this.channel = socket.getChannel();
    if (channel == null || !channel.isBlocking()) {
      throw new IOException("channel read from " + socket.getRemoteSocketAddress()
          + ": the socket has no channel in blocking mode");
    }
    this.timeoutMs = timeoutMs;
    this.deadline = new SocketDeadline(owner, socket, timeoutMs);
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
    if (deadline.missed()) {
      throw timeout(null);
    }
    deadline.begin();
    try {
      return channel.read(dst);
    } catch (IOException e) {
      throw deadline.missed() ? timeout(e) : e;
    } finally {
      deadline.end();
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
