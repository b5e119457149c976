package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * An administrative call named a DataNode (by "host:port" data address or UUID) that the
 * NameNode does not know.
 */
public class UnknownDataNodeException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnknownDataNodeException(String message) {
    super(message);
  }
}
