package io.quire.protocol.types;

/** Usage figures a DataNode sends with every heartbeat. */
public final class StorageReport {
  private final long capacity;
  private final long used;
  private final long remaining;
  private final int activeTransfers;
  private final int failedVolumes;

  public StorageReport(long capacity, long used, long remaining, int activeTransfers,
      int failedVolumes) {
    this.capacity = capacity;
    this.used = used;
    this.remaining = remaining;
    this.activeTransfers = activeTransfers;
    this.failedVolumes = failedVolumes;
  }

  public long getCapacity() { return capacity; }
  /** Bytes used by Quire block and checksum files. */
  public long getUsed() { return used; }
  public long getRemaining() { return remaining; }
  public int getActiveTransfers() { return activeTransfers; }
  public int getFailedVolumes() { return failedVolumes; }
}
