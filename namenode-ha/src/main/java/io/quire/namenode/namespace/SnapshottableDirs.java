package io.quire.namenode.namespace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The snapshottable directories of the namesystem and the last snapshot id taken (ids are
 * never reused). Rebuilt by replay and by image load; changed only while records are applied.
 */
public final class SnapshottableDirs {
  private final Set<InodeDirectory> dirs = new HashSet<>();
  private int lastSnapshotId;

  public void add(InodeDirectory d) { dirs.add(d); }

  public void remove(InodeDirectory d) { dirs.remove(d); }

  /** The directories, by path. */
  public List<InodeDirectory> all() {
    List<InodeDirectory> out = new ArrayList<>(dirs);
    out.sort(Comparator.comparing(Inode::getFullPath));
    return out;
  }

  public int size() { return dirs.size(); }

  public int getLastSnapshotId() { return lastSnapshotId; }

  public void seenSnapshotId(int id) { lastSnapshotId = Math.max(lastSnapshotId, id); }

  /** Forgets everything (image load). */
  public void reset(int lastId) {
    dirs.clear();
    lastSnapshotId = lastId;
  }
}
