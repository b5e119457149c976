package io.quire.protocol.datatransfer;

import java.io.IOException;

/**
 * Outcome codes in op responses and pipeline acks, on the wire as their ordinal (new codes go
 * at the end). ERROR_ACCESS_TOKEN: the request's block access token does not allow the op
 * (the DataNode closes the connection after it).
 */
public enum Status {
  SUCCESS, ERROR, ERROR_CHECKSUM, ERROR_INVALID, ERROR_EXISTS, ERROR_NOT_FOUND, ERROR_UNSUPPORTED,
  ERROR_ACCESS_TOKEN;

  public static Status fromOrdinal(int o) throws IOException {
    if (o < 0 || o >= values().length) {
      throw new MalformedFrameException("unknown status " + o);
    }
    return values()[o];
  }
}
