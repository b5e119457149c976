package io.quire.protocol.datatransfer;

import java.io.IOException;

/** A data-transfer frame that violates the protocol (bad version, opcode, sizes or lengths). */
public class MalformedFrameException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedFrameException(String message) {
    super(message);
  }
}
