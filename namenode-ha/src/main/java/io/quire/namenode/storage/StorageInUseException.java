package io.quire.namenode.storage;

import java.io.IOException;

/** Another NameNode (process or instance) holds the storage directory's {@code in_use.lock}. */
public class StorageInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  public StorageInUseException(String message) {
    super(message);
  }
}
