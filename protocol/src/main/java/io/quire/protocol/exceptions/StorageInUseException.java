package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * Another server (process or instance) holds the storage directory's {@code in_use.lock}: a
 * NameNode's name directory or a DataNode's data directory.
 */
public class StorageInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  public StorageInUseException(String message) {
    super(message);
  }
}
