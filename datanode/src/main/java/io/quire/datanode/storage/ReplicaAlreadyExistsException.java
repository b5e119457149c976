package io.quire.datanode.storage;

import java.io.IOException;

/** A replica cannot be created because this DataNode already holds one of that block. */
public class ReplicaAlreadyExistsException extends IOException {
  private static final long serialVersionUID = 1L;

  public ReplicaAlreadyExistsException(String message) {
    super(message);
  }
}
