package io.quire.protocol.datatransfer;

import java.io.IOException;

/** Outcome codes in op responses and pipeline acks. */
public enum Status {
  SUCCESS, ERROR, ERROR_CHECKSUM, ERROR_INVALID, ERROR_EXISTS, ERROR_NOT_FOUND, ERROR_UNSUPPORTED;

  public static Status fromOrdinal(int o) throws IOException {
    if (o < 0 || o >= values().length) {
      throw new MalformedFrameException("unknown status " + o);
    }
    return values()[o];
  }
}
