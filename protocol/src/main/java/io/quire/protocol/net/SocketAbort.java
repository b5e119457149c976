package io.quire.protocol.net;

import java.io.IOException;
import java.net.Socket;

/** Stopping the threads blocked on a socket. */
public final class SocketAbort {
  private SocketAbort() {}

  /**
   * Closes {@code s} so that every thread blocked on it fails at once (null is ignored): input
   * and output are shut down first, then the socket is closed. Use it wherever a socket is
   * closed to stop another thread.
   */
  public static void abort(Socket s) {
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
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a broken socket
    }
  }
}
