package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.protocol.net.SocketAbort;
import io.quire.protocol.net.SocketWriteTimeouts;
import io.quire.protocol.net.TimedSocketOutput;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * Socket set-up shared by the server and the DataNode's own outgoing transfers. Sockets are
 * blocking; reads time out after {@code quire.datanode.socket.timeout.ms} without data
 * ({@code SO_TIMEOUT}), writes after their write timeout ({@link #streams}, enforced by
 * {@link SocketWriteTimeouts}).
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

  /** TCP_NODELAY, socket buffers, keep-alive, read timeout. */
  static void configure(Socket s, DataNodeOptions o) throws IOException {
    s.setTcpNoDelay(true);
    s.setSendBufferSize(o.socketBufferSize());
    s.setReceiveBufferSize(o.socketBufferSize());
    s.setSoTimeout(o.socketTimeoutMs());
    s.setKeepAlive(true);
  }

  /**
   * Opens a configured connection to {@code addr} within the connect timeout. The socket has a
   * channel in blocking mode (for direct-buffer writes and reads, see {@link DirectPacketBuffer});
   * its streams honour the timeouts as a plain socket's do.
   */
  static Socket connect(InetSocketAddress addr, DataNodeOptions o) throws IOException {
    Socket s = SocketChannel.open().socket();
    try {
      configure(s, o);
      s.connect(addr, o.connectTimeoutMs());
      return s;
    } catch (IOException e) {
      s.close();
      throw new IOException("connect to DataNode " + addr + ": " + e.getMessage(), e);
    }
  }

  /**
   * The streams of configured socket {@code s}: every write to them must complete within
   * {@code writeTimeoutMs} (0: no limit), or the socket is aborted and the write fails with a
   * SocketTimeoutException.
   */
  static TransferStreams streams(Socket s, long writeTimeoutMs) throws IOException {
    TimedSocketOutput raw = SocketWriteTimeouts.shared().output(s, writeTimeoutMs);
    TransferInput in = new TransferInput(s.getInputStream(), INPUT_BUFFER);
    return new TransferStreams(new DataInputStream(in),
        new DataOutputStream(new BufferedOutputStream(raw, STREAM_BUFFER)), raw, in);
  }

  /**
   * Refuses a connection within {@link #REFUSAL_DEADLINE_MS} in total: sends {@code answer},
   * half-closes, and discards what the peer still sends (at most {@link #REFUSAL_DRAIN_BYTES})
   * until it closes, so closing with unread input does not reset the connection before the
   * peer read the answer. A peer that reads or writes too slowly is cut off at the deadline
   * (give or take {@link SocketWriteTimeouts#TICK_MS}). The caller closes the socket.
   */
  static void refuse(Socket s, byte[] answer) throws IOException {
    long deadline = System.nanoTime() + REFUSAL_DEADLINE_MS * 1_000_000;
    TimedSocketOutput out = SocketWriteTimeouts.shared().output(s, REFUSAL_DEADLINE_MS);
    out.write(answer);
    out.flush();
    s.shutdownOutput();
    InputStream in = s.getInputStream();
    byte[] sink = new byte[8192];
    for (long left = REFUSAL_DRAIN_BYTES; left > 0; ) {
      long ms = (deadline - System.nanoTime()) / 1_000_000;
      if (ms <= 0) {
        return;
      }
      s.setSoTimeout((int) ms);
      int n = in.read(sink);
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  /** {@link SocketAbort#abort}: every thread blocked on {@code s} fails at once. */
  static void abort(Socket s) {
    SocketAbort.abort(s);
  }
}
