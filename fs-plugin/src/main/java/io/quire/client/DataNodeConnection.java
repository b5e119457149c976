package io.quire.client;

import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.security.InvalidBlockTokenException;
import io.quire.protocol.net.SocketWriteTimeouts;
import io.quire.protocol.net.TimedChannelInput;
import io.quire.protocol.net.TimedSocketOutput;
import io.quire.protocol.types.DataNodeId;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * One data-transfer TCP connection to a DataNode: TCP_NODELAY, an output buffer sized for a
 * whole packet and a small input buffer. One operation per connection, as
 * {@code DataTransferProtocol} prescribes. Reads fail after
 * {@code quire.client.socket.timeout.ms} without data; writes fail after their write timeout
 * ({@code quire.client.socket.write-timeout.ms}, plus the extension per node of a write
 * pipeline, see {@link ClientOptions#writeTimeoutMs}),
 * enforced by {@link SocketWriteTimeouts}, so a DataNode that stops reading cannot block a
 * writer forever. 0 waits forever. Bulk packet data may instead be read from the socket's
 * channel ({@link #channelIn()}, bounded by the same read timeout) once the buffered input
 * holds nothing more ({@link #bufferedIn()}).
 */
final class DataNodeConnection implements Closeable {
  /** Output buffer size: a 64 KiB packet plus its checksums and header fit in one flush. */
  private static final int BUFFER_SIZE = 128 * 1024;
  /**
   * Input buffer size: small, so that headers and acks are buffered while bulk packet data
   * is read from the socket's channel straight into the reader's buffer ({@link #channelIn()}).
   */
  private static final int INPUT_BUFFER_SIZE = 8 * 1024;
  /**
   * Socket receive buffer: room for several 512 KiB read packets in flight from the DataNode,
   * so it streams ahead while the reader verifies and copies out (the kernel caps it at
   * net.core.rmem_max). 4 MiB measured slightly less CPU per byte read than 1 MiB or kernel
   * autotuning (docs/BENCHMARKS.md, "Read path"); memory is only taken for data not yet read.
   */
  private static final int RECEIVE_BUFFER_SIZE = 4 * 1024 * 1024;

  private final DataNodeId node;
  private final Socket socket;
  private final TimedSocketOutput rawOut;
  private final DataOutputStream out;
  private final ConnectionInput bufferedIn;
  private final DataInputStream in;
  private final long readTimeoutMs;
  private TimedChannelInput channelIn;

  private DataNodeConnection(DataNodeId node, Socket socket, long writeTimeoutMs,
      long readTimeoutMs) throws IOException {
    this.node = node;
    this.socket = socket;
    this.rawOut = SocketWriteTimeouts.shared().output(socket, writeTimeoutMs);
    this.out = new DataOutputStream(new BufferedOutputStream(rawOut, BUFFER_SIZE));
    this.bufferedIn = new ConnectionInput(socket.getInputStream(), INPUT_BUFFER_SIZE);
    this.in = new DataInputStream(bufferedIn);
    this.readTimeoutMs = readTimeoutMs;
  }

  /**
   * Connects to {@code node}'s data-transfer server; the exception names the node.
   *
   * @param writeTimeoutMs from {@link ClientOptions#writeTimeoutMs}: with the number of
   *     pipeline nodes for a write pipeline, 0 nodes for any other op
   */
  static DataNodeConnection open(DataNodeId node, ClientOptions options, long writeTimeoutMs)
      throws IOException {
    // a socket with a channel: whole packet frames leave from direct buffers (see FramePool)
    Socket s = SocketChannel.open().socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(options.socketTimeoutMs());
      s.setSendBufferSize(BUFFER_SIZE * 2);
      s.setReceiveBufferSize(RECEIVE_BUFFER_SIZE);
      s.connect(new InetSocketAddress(node.getHost(), node.getDataPort()),
          options.connectTimeoutMs());
      return new DataNodeConnection(node, s, writeTimeoutMs, options.socketTimeoutMs());
    } catch (IOException e) {
      closeQuietly(s);
      throw new IOException("connect to DataNode " + node.getDataAddress() + ": " + e, e);
    }
  }

  DataNodeId node() { return node; }
  DataOutputStream out() { return out; }

  /**
   * The unbuffered timed output under {@link #out()}, for whole frames written in one call;
   * only once everything written to {@link #out()} is flushed.
   */
  TimedSocketOutput rawOut() { return rawOut; }
  DataInputStream in() { return in; }

  /** The buffer under {@link #in()}: how many bytes it holds before the channel's next. */
  ConnectionInput bufferedIn() { return bufferedIn; }

  /**
   * The socket's channel for reads straight into a caller's buffer (a direct one is filled by
   * the kernel with no copy through the JDK's temporary buffer), each read bounded by the
   * read timeout; only while {@link #bufferedIn()} holds nothing.
   */
  TimedChannelInput channelIn() throws IOException {
    if (channelIn == null) {
      channelIn = SocketWriteTimeouts.shared().input(socket, readTimeoutMs);
    }
    return channelIn;
  }
  /** Reads the op response and throws, naming the operation and node, unless SUCCESS. */
  OpResponse readSuccess(String operation) throws IOException {
    OpResponse r = OpResponse.read(in);
    if (r.getStatus() == Status.ERROR_ACCESS_TOKEN) {
      throw new InvalidBlockTokenException(
          new DataNodeOpException(operation, node, r).getMessage());
    }
    if (!r.isSuccess()) {
      throw new DataNodeOpException(operation, node, r);
    }
    return r;
  }

  /**
   * Closes the connection; input and output are shut down first, so any thread blocked on it
   * (the pipeline's ack reader) fails at once.
   */
  @Override public void close() {
    try {
      socket.shutdownInput();
    } catch (IOException | RuntimeException ignored) {
      // not connected, or already shut down
    }
    try {
      socket.shutdownOutput();
    } catch (IOException | RuntimeException ignored) {
      // not connected, or already shut down
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a broken socket: nothing left to release
    }
  }
}
