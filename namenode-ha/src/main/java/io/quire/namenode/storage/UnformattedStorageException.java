package io.quire.namenode.storage;

import java.io.IOException;

/** The NameNode storage directory was never formatted; run {@code quire namenode -format}. */
public class UnformattedStorageException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnformattedStorageException(String message) {
    super(message);
  }
}
