package io.quire.namenode.namespace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The snapshots of one snapshottable directory, in creation order (its presence in the
 * directory's {@link InodeFeatures} makes the directory snapshottable). Changed only while
 * records are applied.
 */
public final class SnapshotList {
  private final List<Snapshot> snapshots = new ArrayList<>(2);

  public List<Snapshot> all() { return Collections.unmodifiableList(snapshots); }

  public int size() { return snapshots.size(); }

  /** The snapshot named {@code name}, or null. */
  public Snapshot get(String name) {
    for (Snapshot s : snapshots) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** The latest snapshot, or null. */
  public Snapshot latest() {
    return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
  }

  public void add(Snapshot s) { snapshots.add(s); }

  public Snapshot remove(String name) {
    Snapshot s = get(name);
    snapshots.remove(s);
    return s;
  }

  public void rename(String oldName, String newName) {
    int at = snapshots.indexOf(get(oldName));
    snapshots.set(at, snapshots.get(at).renamed(newName));
  }
}
