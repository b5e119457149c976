package io.quire.datanode.transfer;

import java.io.BufferedInputStream;
import java.io.InputStream;

/**
 * A socket's buffered input that tells how many bytes it holds, so a reader can take those
 * first and then read the rest of the connection straight from the socket's channel.
 */
final class TransferInput extends BufferedInputStream {
  TransferInput(InputStream in, int size) {
    super(in, size);
  }

  /** Bytes read from the socket but not yet from this stream. */
  synchronized int buffered() {
    return count - pos;
  }
}
