package io.quire.protocol.exceptions;

import org.apache.hadoop.fs.ClusterStorageCapacityExceededException;

/**
 * A namespace change would break one of the NameNode's file-system limits (HDFS's
 * {@code org.apache.hadoop.hdfs.protocol.FSLimitException}, which is also a
 * ClusterStorageCapacityExceededException through QuotaExceededException, so Hadoop's jobs
 * fail fast on it instead of retrying). The subclasses say which limit, and the message names
 * the operation, the path, the limit and the value: retrying does not help, a shorter name, a
 * shallower path or another directory does.
 */
public class FSLimitException extends ClusterStorageCapacityExceededException {
  private static final long serialVersionUID = 1L;

  public FSLimitException(String message) {
    super(message);
  }

  /**
   * A path component is longer (in UTF-8 bytes) than
   * {@code quire.namenode.fs-limits.max-component-length}.
   */
  public static class PathComponentTooLongException extends FSLimitException {
    private static final long serialVersionUID = 1L;

    public PathComponentTooLongException(String message) {
      super(message);
    }
  }

  /** A directory already holds {@code quire.namenode.fs-limits.max-directory-items} entries. */
  public static class MaxDirectoryItemsExceededException extends FSLimitException {
    private static final long serialVersionUID = 1L;

    public MaxDirectoryItemsExceededException(String message) {
      super(message);
    }
  }

  /**
   * A path has more components than {@code quire.namenode.fs-limits.max-path-depth} or more
   * characters than {@code quire.namenode.fs-limits.max-path-length} (HDFS refuses these with a
   * plain IOException "Pathname too long"; Quire's own class, named after the HDFS family).
   */
  public static class PathTooLongException extends FSLimitException {
    private static final long serialVersionUID = 1L;

    public PathTooLongException(String message) {
      super(message);
    }
  }
}
