package io.quire.datanode.transfer;

import io.quire.datanode.DataNodeOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Socket set-up shared by the server and the DataNode's own outgoing transfers. */
public final class TransferSockets {
  /** Stream buffer size: at least one full packet. */
  public static final int STREAM_BUFFER = 128 * 1024;
  /**
   * Input buffer size: small, so headers, requests and acks are buffered while the bulk of a
   * packet (read with one readFully of its checksums and data) bypasses the buffer, straight
   * from the socket into the receiver's packet array instead of being copied through it.
   */
  public static final int INPUT_BUFFER = 8 * 1024;

  private TransferSockets() {}

  /** TCP_NODELAY, large buffers, read timeout. */
  public static void configure(Socket s, DataNodeOptions o) throws IOException {
    s.setTcpNoDelay(true);
    s.setSendBufferSize(o.getSocketBufferSize());
    s.setReceiveBufferSize(o.getSocketBufferSize());
    s.setSoTimeout(o.getSocketTimeoutMs());
    s.setKeepAlive(true);
  }

  /** Opens a configured connection to {@code addr} within the connect timeout. */
  public static Socket connect(InetSocketAddress addr, DataNodeOptions o) throws IOException {
    Socket s = new Socket();
    try {
      s.setReceiveBufferSize(o.getSocketBufferSize());
      configure(s, o);
      s.connect(addr, o.getConnectTimeoutMs());
      return s;
    } catch (IOException e) {
      s.close();
      throw new IOException("connect to DataNode " + addr + ": " + e.getMessage(), e);
    }
  }

  public static DataInputStream in(Socket s) throws IOException {
    return new DataInputStream(new BufferedInputStream(s.getInputStream(), INPUT_BUFFER));
  }

  public static DataOutputStream out(Socket s) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), STREAM_BUFFER));
  }
}
