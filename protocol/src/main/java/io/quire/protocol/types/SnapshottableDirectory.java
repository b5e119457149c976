package io.quire.protocol.types;

/**
 * A snapshottable directory as getSnapshottableDirListing answers it (HDFS's
 * SnapshottableDirectoryStatus): its status, how many snapshots it has and how many it may
 * have.
 */
public record SnapshottableDirectory(InodeStatus status, int snapshotCount, int snapshotQuota) {}
