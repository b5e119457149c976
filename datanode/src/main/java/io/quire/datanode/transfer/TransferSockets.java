package io.quire.datanode.transfer;

import io.quire.datanode.DataNodeOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.net.SocketInputStream;
import org.apache.hadoop.net.SocketOutputStream;

/**
 * Socket set-up shared by the server and the DataNode's own outgoing transfers.
 *
 * <p>Every data-transfer socket has a channel and is used only through timed streams
 * ({@link #streams}: Hadoop's {@link SocketInputStream} and {@link SocketOutputStream}, as
 * HDFS's DataNode uses them): a read fails after waiting the read timeout for data, a write
 * after waiting its write timeout for the peer to make room. Both timeouts bound the time
 * without progress, not the length of a transfer. The channel is non-blocking from then on, so
 * {@code Socket.getInputStream()} and {@code getOutputStream()} must not be used, and a thread
 * waiting on it is woken by {@link #abort}, not by a plain close.
 */
final class TransferSockets {
  /** Stream buffer size: at least one full default packet. */
  static final int STREAM_BUFFER = 128 * 1024;
  /**
   * Input buffer size: small, so headers, requests and acks are buffered while the bulk of a
   * packet (read with one readFully of its checksums and data) bypasses the buffer, straight
   * from the socket into the receiver's packet array instead of being copied through it.
   */
  static final int INPUT_BUFFER = 8 * 1024;
  /**
   * Total time a refusal (an error answer to a connection that is turned away, then discarding
   * what the peer still sends) may take, however slowly the peer reads or writes.
   */
  static final long REFUSAL_DEADLINE_MS = 2_000;
  /** Most bytes discarded after a refusal before closing anyway. */
  static final long REFUSAL_DRAIN_BYTES = 1 << 20;

  private TransferSockets() {}

  /** TCP_NODELAY, socket buffers, keep-alive; the timeouts belong to the {@link #streams}. */
  static void configure(Socket s, DataNodeOptions o) throws SocketException {
    s.setTcpNoDelay(true);
    s.setSendBufferSize(o.getSocketBufferSize());
    s.setReceiveBufferSize(o.getSocketBufferSize());
    s.setKeepAlive(true);
  }

  /** Opens a configured, channel-backed connection to {@code addr} within the connect timeout. */
  static Socket connect(InetSocketAddress addr, DataNodeOptions o) throws IOException {
    Socket s = SocketChannel.open().socket();
    try {
      configure(s, o);
      s.connect(addr, o.getConnectTimeoutMs());
      return s;
    } catch (IOException e) {
      s.close();
      throw new IOException("connect to DataNode " + addr + ": " + e.getMessage(), e);
    }
  }

  /**
   * The timed streams of {@code s} (which must have a channel): reads wait at most
   * {@code readTimeoutMs} for data, writes at most {@code writeTimeoutMs} for room; 0 waits
   * forever.
   */
  static TransferStreams streams(Socket s, int readTimeoutMs, long writeTimeoutMs)
      throws IOException {
    SocketChannel ch = channelOf(s);
    SocketOutputStream raw = new SocketOutputStream(ch, writeTimeoutMs);
    return new TransferStreams(
        new DataInputStream(new BufferedInputStream(new SocketInputStream(ch, readTimeoutMs),
            INPUT_BUFFER)),
        new DataOutputStream(new BufferedOutputStream(raw, STREAM_BUFFER)), raw);
  }

  /**
   * Refuses a connection within {@link #REFUSAL_DEADLINE_MS} in total: sends {@code answer},
   * half-closes, and discards what the peer still sends (at most {@link #REFUSAL_DRAIN_BYTES})
   * until it closes, so closing with unread input does not reset the connection before the
   * peer read the answer. A peer that reads or writes too slowly is cut off at the deadline.
   * The caller closes the socket.
   */
  static void refuse(Socket s, byte[] answer) throws IOException {
    long deadline = System.nanoTime() + REFUSAL_DEADLINE_MS * 1_000_000;
    SocketChannel ch = channelOf(s);
    SocketOutputStream out = new SocketOutputStream(ch, REFUSAL_DEADLINE_MS);
    ByteBuffer b = ByteBuffer.wrap(answer);
    while (b.hasRemaining()) {
      out.setTimeout((int) remainingMs(deadline, "send the refusal"));
      out.write(b);
    }
    s.shutdownOutput();
    SocketInputStream in = new SocketInputStream(ch, REFUSAL_DEADLINE_MS);
    ByteBuffer sink = ByteBuffer.allocate(8192);
    for (long left = REFUSAL_DRAIN_BYTES; left > 0; ) {
      long ms = (deadline - System.nanoTime()) / 1_000_000;
      if (ms <= 0) {
        return;
      }
      in.setTimeout(ms);
      sink.clear();
      int n = in.read(sink);
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  /**
   * Closes {@code s} so that every thread blocked on it wakes up (null is ignored). A timed
   * stream waits in a selector, which a plain close does not wake for a reader; shutting input
   * and output down first does (the reader sees end of stream, a writer an error). Use this,
   * not {@code Socket.close()}, wherever a socket is closed to stop another thread.
   */
  static void abort(Socket s) {
    if (s == null) {
      return;
    }
    try {
      s.shutdownInput();
    } catch (IOException | RuntimeException ignored) {
      // not connected, or already shut down
    }
    try {
      s.shutdownOutput();
    } catch (IOException | RuntimeException ignored) {
      // not connected, or already shut down
    }
    IOUtils.closeSocket(s);
  }

  private static long remainingMs(long deadlineNanos, String what) throws SocketTimeoutException {
    long ms = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (ms <= 0) {
      throw new SocketTimeoutException(what + ": refusal deadline of " + REFUSAL_DEADLINE_MS
          + " ms passed");
    }
    return ms;
  }

  private static SocketChannel channelOf(Socket s) throws IOException {
    SocketChannel ch = s.getChannel();
    if (ch == null) {
      throw new IOException("data-transfer socket " + s + " has no channel (timed streams need"
          + " one)");
    }
    return ch;
  }
}
