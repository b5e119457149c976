package io.quire.namenode.storage;

import java.io.IOException;

/**
 * Format was asked for a storage directory that already holds data; re-run with -force to erase it.
 */
public class StorageAlreadyFormattedException extends IOException {
  private static final long serialVersionUID = 1L;

  public StorageAlreadyFormattedException(String message) {
    super(message);
  }
}
