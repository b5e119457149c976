package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.protocol.exceptions.SnapshotException;

/** Validation shared by delete and rename: what snapshots forbid, with HDFS's messages. */
final class SnapshotChecks {
  private SnapshotChecks() {}

  /**
   * Refuses to delete or move {@code root} when it is, or holds, a snapshottable directory
   * with snapshots (HDFS's FSDirSnapshotOp.checkSnapshot).
   */
  static void checkNoSnapshotsBelow(NamespaceState s, Inode root) throws SnapshotException {
    if (s.snapshottable().size() == 0) {
      return;
    }
    for (InodeDirectory d : s.snapshottable().all()) {
      if (d.getSnapshots().size() > 0 && d.isDescendantOf(root)) {
        String p = d.getFullPath();
        throw new SnapshotException("The directory " + p + " cannot be deleted since " + p
            + " is snapshottable and already has snapshots");
      }
    }
  }

  /**
   * Refuses a rename that would nest snapshottable directories: {@code src} holds one and
   * {@code dstParent} is in (or is) one.
   */
  static void checkNotNested(NamespaceState s, Inode src, Inode dstParent, String srcPath,
      String dstPath) throws SnapshotException {
    if (s.snapshottable().size() == 0) {
      return;
    }
    boolean srcHolds = false;
    boolean dstUnder = false;
    for (InodeDirectory d : s.snapshottable().all()) {
      srcHolds |= d.isDescendantOf(src);
      dstUnder |= dstParent.isDescendantOf(d);
    }
    if (srcHolds && dstUnder) {
      throw new SnapshotException("Unable to rename because " + srcPath
          + " has snapshottable descendant directories and " + dstPath
          + " is a descent of a snapshottable directory, and HDFS does not support nested"
          + " snapshottable directory.");
    }
  }
}
