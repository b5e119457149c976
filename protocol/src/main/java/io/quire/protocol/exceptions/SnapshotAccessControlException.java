package io.quire.protocol.exceptions;

import org.apache.hadoop.security.AccessControlException;

/**
 * A change of a path under {@code <dir>/.snapshot/<name>}: snapshots are read-only. HDFS's
 * {@code org.apache.hadoop.hdfs.protocol.SnapshotAccessControlException}, with its message.
 */
public class SnapshotAccessControlException extends AccessControlException {
  private static final long serialVersionUID = 1L;

  public SnapshotAccessControlException(String message) {
    super(message);
  }
}
