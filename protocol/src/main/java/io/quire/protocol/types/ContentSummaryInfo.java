package io.quire.protocol.types;

/** Sizes and counts under a path, as {@code getContentSummary} returns them. */
public final class ContentSummaryInfo {
  private final long length;
  private final long fileCount;
  private final long directoryCount;
  private final long spaceConsumed;

  public ContentSummaryInfo(long length, long fileCount, long directoryCount, long spaceConsumed) {
    this.length = length;
    this.fileCount = fileCount;
    this.directoryCount = directoryCount;
    this.spaceConsumed = spaceConsumed;
  }

  public long getLength() { return length; }
  public long getFileCount() { return fileCount; }
  /** Directories counted including the path itself when it is a directory. */
  public long getDirectoryCount() { return directoryCount; }
  /** Bytes on DataNodes' disks: length times replication, per file. */
  public long getSpaceConsumed() { return spaceConsumed; }
}
