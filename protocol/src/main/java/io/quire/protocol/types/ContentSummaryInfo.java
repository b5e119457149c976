package io.quire.protocol.types;

/**
 * Sizes and counts under a path, as {@code getContentSummary} returns them, with the path's
 * quotas when it is a directory that has some.
 */
public final class ContentSummaryInfo {
  private final long length;
  private final long fileCount;
  private final long directoryCount;
  private final long spaceConsumed;
  private final long quota;
  private final long spaceQuota;

  /** A summary without quotas (both -1). */
  public ContentSummaryInfo(long length, long fileCount, long directoryCount, long spaceConsumed) {
    this(length, fileCount, directoryCount, spaceConsumed, -1, -1);
  }

  public ContentSummaryInfo(long length, long fileCount, long directoryCount, long spaceConsumed,
      long quota, long spaceQuota) {
    this.length = length;
    this.fileCount = fileCount;
    this.directoryCount = directoryCount;
    this.spaceConsumed = spaceConsumed;
    this.quota = quota;
    this.spaceQuota = spaceQuota;
  }

  public long getLength() { return length; }
  public long getFileCount() { return fileCount; }
  /** Directories counted including the path itself when it is a directory. */
  public long getDirectoryCount() { return directoryCount; }
  /** Bytes on DataNodes' disks: length times replication, per file. */
  public long getSpaceConsumed() { return spaceConsumed; }
  /** The directory's name quota (files + directories), -1 without one. */
  public long getQuota() { return quota; }
  /** The directory's space quota in bytes (times replication), -1 without one. */
  public long getSpaceQuota() { return spaceQuota; }
}
