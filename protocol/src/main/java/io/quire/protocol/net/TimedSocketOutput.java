package io.quire.protocol.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * A socket's output stream whose every write must complete within a timeout (see
 * {@link SocketWriteTimeouts}); unbuffered, one write call per frame. When the watchdog finds a
 * write past its deadline it aborts the socket (input and output shut down, then closed), and
 * that write, and every later one, fails with a {@link SocketTimeoutException} naming the peer
 * and the timeout. Reads on the socket fail too then: the connection is over.
 */
public final class TimedSocketOutput extends OutputStream {
  private final Socket socket;
  private final OutputStream out;
  private final long timeoutMs;
  private final SocketDeadline deadline;

  TimedSocketOutput(SocketWriteTimeouts owner, Socket socket, long timeoutMs)
      throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.timeoutMs = timeoutMs;
    this.deadline = new SocketDeadline(owner, socket, timeoutMs);
  }

  @Override public void write(int b) throws IOException {
    begin();
    try {
      out.write(b);
    } catch (IOException e) {
      throw failure(e);
    } finally {
      end();
    }
  }

  @Override public void write(byte[] b, int off, int len) throws IOException {
    begin();
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failure(e);
    } finally {
      end();
    }
  }

  /**
   * Writes all remaining bytes of {@code src} (best a direct buffer: no copy through the JDK's
   * temporary buffer) through the socket's channel, under the same timeout for the whole
   * buffer; {@code src}'s position ends at its limit. The socket must have a channel in
   * blocking mode, and nothing may be buffered in front of this stream.
   */
  public void write(ByteBuffer src) throws IOException {
    SocketChannel ch = channel("write");
    begin();
    try {
      while (src.hasRemaining()) {
        ch.write(src);
      }
    } catch (IOException e) {
      throw failure(e);
    } finally {
      end();
    }
  }

  private SocketChannel channel(String what) throws IOException {
    SocketChannel ch = socket.getChannel();
    if (ch == null) {
      throw new IOException("channel " + what + " to " + socket.getRemoteSocketAddress()
          + ": the socket has no channel");
    }
    return ch;
  }

  /**
   * Sends {@code len} bytes of {@code file} from {@code pos} with
   * {@link FileChannel#transferTo} (no copy through user space), under the same timeout for
   * the whole transfer. The socket must have a channel in blocking mode.
   */
  public void transferFrom(FileChannel file, long pos, long len) throws IOException {
    SocketChannel ch = socket.getChannel();
    if (ch == null) {
      throw new IOException("zero-copy send to " + socket.getRemoteSocketAddress()
          + ": the socket has no channel");
    }
    begin();
    try {
      long end = pos + len;
      while (pos < end) {
        long n = file.transferTo(pos, end - pos, ch);
        if (n <= 0 && pos >= file.size()) {
          throw new EOFException("zero-copy send to " + socket.getRemoteSocketAddress()
              + ": end of file at " + pos);
        }
        pos += n;
      }
    } catch (IOException e) {
      throw failure(e);
    } finally {
      end();
    }
  }

  /** Nothing is buffered here; flushes the socket's stream. */
  @Override public void flush() throws IOException {
    out.flush();
  }

  /** The write timeout, in milliseconds (0: none). */
  public long getTimeoutMs() { return timeoutMs; }

  private void begin() throws IOException {
    if (deadline.missed()) {
      throw timeout(null);
    }
    deadline.begin();
  }

  private void end() {
    deadline.end();
  }

  private IOException failure(IOException e) {
    return deadline.missed() ? timeout(e) : e;
  }

  private SocketTimeoutException timeout(IOException cause) {
    SocketTimeoutException t = new SocketTimeoutException("write to "
        + socket.getRemoteSocketAddress() + " timed out: no write completed within " + timeoutMs
        + " ms (the peer stopped reading)");
    if (cause != null) {
      t.initCause(cause);
    }
    return t;
  }
}
