package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * A snapshot operation was refused: the directory is not snapshottable (or nested under or
 * above one), the snapshot does not exist or its name is taken, the directory still has
 * snapshots (disallow, delete, rename). HDFS's {@code org.apache.hadoop.hdfs.protocol
 * .SnapshotException}, with HDFS's messages. Retrying does not help.
 */
public class SnapshotException extends IOException {
  private static final long serialVersionUID = 1L;

  public SnapshotException(String message) {
    super(message);
  }
}
