package io.quire.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One raw TCP exchange with a daemon: connect, send the bytes, half-close (unless the case
 * keeps the connection open to test the daemon's own read timeout), read the answer until the
 * daemon closes. A daemon that neither sends nor closes for {@code readTimeout} fails the
 * exchange with an AssertionError; a reset counts as a close.
 */
final class WireExchange {
  /** What came back: the bytes before the close, and whether the close was a reset. */
  record Answer(byte[] bytes, boolean reset) {
    boolean isEmpty() { return bytes.length == 0; }
  }

  private WireExchange() {}

  static Answer send(InetSocketAddress addr, byte[] request, boolean keepOpen,
      Duration readTimeout, int maxAnswerBytes) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(addr, (int) readTimeout.toMillis());
      s.setSoTimeout((int) readTimeout.toMillis());
      boolean reset = false;
      try {
        s.getOutputStream().write(request);
        s.getOutputStream().flush();
        if (!keepOpen) {
          s.shutdownOutput();
        }
      } catch (IOException closedEarly) {
        // the daemon closed (or reset) before taking all of it: read what it said
        reset = true;
      }
      return readToEnd(s, reset, readTimeout, maxAnswerBytes);
    }
  }

  /** Reads until EOF, a reset or {@code max} bytes. */
  static Answer readToEnd(Socket s, boolean reset, Duration readTimeout, int max)
      throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    InputStream in = s.getInputStream();
    try {
      while (got.size() < max) {
        int n = in.read(buf, 0, Math.min(buf.length, max - got.size()));
        if (n < 0) {
          break;
        }
        got.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the daemon neither answered nor closed the connection within "
          + readTimeout.toMillis() + " ms (" + got.size() + " bytes received)");
    } catch (IOException e) {
      reset = true;
    }
    return new Answer(got.toByteArray(), reset);
  }
}
