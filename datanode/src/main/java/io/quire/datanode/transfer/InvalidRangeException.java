package io.quire.datanode.transfer;

import java.io.IOException;

/** A read or checksum request asks for bytes beyond what the replica holds. */
public class InvalidRangeException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidRangeException(String message) {
    super(message);
  }
}
