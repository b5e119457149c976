package io.quire.client;

import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.types.DatanodeId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One data-transfer TCP connection to a DataNode: TCP_NODELAY, timeouts from
 * {@link ClientOptions}, an output buffer sized for a whole packet and a small input buffer. One operation per
 * connection, as {@code DataTransferProtocol} prescribes.
 */
final class DataNodeConnection implements Closeable {
  /** Output buffer size: a 64 KiB packet plus its checksums and header fit in one flush. */
  private static final int BUFFER_SIZE = 128 * 1024;
  /**
   * Input buffer size: small, so that headers and acks are buffered while bulk packet data
   * (read with larger readFully calls) bypasses the buffer, straight from the socket into the
   * reader's array.
   */
  private static final int INPUT_BUFFER_SIZE = 8 * 1024;
  /** Socket receive buffer: room for several read packets in flight from the DataNode. */
  private static final int RECEIVE_BUFFER_SIZE = 1024 * 1024;

  private final DatanodeId node;
  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;

  private DataNodeConnection(DatanodeId node, Socket socket) throws IOException {
    this.node = node;
    this.socket = socket;
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(),
        BUFFER_SIZE));
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(),
        INPUT_BUFFER_SIZE));
  }

  /** Connects to {@code node}'s data-transfer server; the exception names the node. */
  static DataNodeConnection open(DatanodeId node, ClientOptions options) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(options.socketTimeoutMs());
      s.setSendBufferSize(BUFFER_SIZE * 2);
      s.setReceiveBufferSize(RECEIVE_BUFFER_SIZE);
      s.connect(new InetSocketAddress(node.getHost(), node.getDataPort()),
          options.connectTimeoutMs());
      return new DataNodeConnection(node, s);
    } catch (IOException e) {
      closeQuietly(s);
      throw new IOException("connect to DataNode " + node.getDataAddress() + ": " + e, e);
    }
  }

  DatanodeId node() { return node; }
  DataOutputStream out() { return out; }

  /**
   * The socket's own, unbuffered output stream, for whole frames written in one call; only
   * once everything written to {@link #out()} is flushed.
   */
  OutputStream rawOut() throws IOException { return socket.getOutputStream(); }
  DataInputStream in() { return in; }

  /** Reads the op response and throws, naming the operation and node, unless SUCCESS. */
  OpResponse readSuccess(String operation) throws IOException {
    OpResponse r = OpResponse.read(in);
    if (!r.isSuccess()) {
      throw new DataNodeOpException(operation, node, r);
    }
    return r;
  }

  @Override public void close() {
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
