package io.quire.bench.limits;

import io.quire.bench.history.Limit;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Loopback TCP copy rate: one connection on 127.0.0.1, a thread writing 256 KiB buffers, a
 * thread reading and discarding them (blocking sockets, as Quire's data transfer uses).
 * Every byte a replication-3 write sends crosses loopback three times.
 */
public final class LoopbackLimit {
  public static final String NAME = "loopback TCP copy";
  private static final int BUF = 256 * 1024;

  private LoopbackLimit() {}

  public static Limit measure(long millis) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         Socket out = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
         Socket in = server.accept()) {
      Thread reader = new Thread(() -> drain(in), "loopback-reader");
      reader.setDaemon(true);
      reader.start();
      OutputStream os = out.getOutputStream();
      byte[] buf = new byte[BUF];
      double bytesPerSecond = Timed.rate(millis, () -> {
        os.write(buf);
        return buf.length;
      });
      out.shutdownOutput();
      reader.join(10_000);
      return new Limit(NAME, "MB/s", bytesPerSecond / 1e6,
          "one TCP connection on 127.0.0.1, 256 KiB writes, a reader thread discarding");
    }
  }

  private static void drain(Socket s) {
    byte[] buf = new byte[BUF];
    try (InputStream is = s.getInputStream()) {
      while (is.read(buf) >= 0) {
        // discard
      }
    } catch (java.io.IOException e) {
      // the writer closed the connection
    }
  }
}
