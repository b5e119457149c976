package io.quire.client;

import java.io.BufferedInputStream;
import java.io.InputStream;

/**
 * A connection's buffered input that tells how many bytes it holds, so that a reader takes
 * those first and then reads the rest of a packet straight from the socket's channel.
 */
final class ConnectionInput extends BufferedInputStream {
  ConnectionInput(InputStream in, int size) {
    super(in, size);
  }

  /** Bytes read from the socket but not yet from this stream. */
  synchronized int buffered() {
    return count - pos;
  }
}
