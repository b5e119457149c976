package io.quire.protocol.exceptions;

import java.io.IOException;

/** A write pipeline failed; the message names the failing DataNode. */
public class PipelineException extends IOException {
  private static final long serialVersionUID = 1L;

  public PipelineException(String message) {
    super(message);
  }

  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
