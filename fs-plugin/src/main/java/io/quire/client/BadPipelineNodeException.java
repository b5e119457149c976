package io.quire.client;

import io.quire.protocol.exceptions.PipelineException;

/** A write pipeline failed and the node at {@link #getBadIndex()} is to blame (-1: unknown). */
public class BadPipelineNodeException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final int badIndex;

  public BadPipelineNodeException(String message, int badIndex, Throwable cause) {
    super(message, cause);
    this.badIndex = badIndex;
  }

  public int getBadIndex() { return badIndex; }
}
