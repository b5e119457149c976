package io.quire.protocol.exceptions;

import java.io.IOException;

/** A DataNode has no replica of the requested block (or not with that generation stamp). */
public class ReplicaNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  public ReplicaNotFoundException(String message) {
    super(message);
  }

  public ReplicaNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
