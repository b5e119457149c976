package io.quire.namenode.namespace;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A directory as a snapshot holds it: its attributes and its children's copies, sorted by
 * name (byte-wise UTF-8, as a live directory: {@link NameBytes#compare}) in an array (4 bytes
 * per child; a {@code TreeMap} entry would cost 40).
 */
public final class DirectoryCopy extends SnapshotCopy {
  private static final SnapshotCopy[] NONE = new SnapshotCopy[0];
  private static final Comparator<SnapshotCopy> BY_NAME =
      (a, b) -> NameBytes.compare(a.getNameBytes(), b.getNameBytes());
  private final SnapshotCopy[] children;

  /** {@code children} sorted by name (as a live directory iterates them). */
  public DirectoryCopy(long id, String name, short permission, String owner, String group,
      long mtime, long atime, InodeFeatures features, SnapshotCopy[] children) {
    super(id, name, permission, owner, group, mtime, atime, features);
    this.children = children.length == 0 ? NONE : children;
  }

  DirectoryCopy(InodeDirectory d, SnapshotCopy[] children) {
    super(d);
    this.children = children.length == 0 ? NONE : children;
  }

  /** This copy under another name (a snapshot root is listed under the snapshot's name). */
  DirectoryCopy(String name, DirectoryCopy d) {
    super(d.getId(), NameBytes.of(name), d.getOwnership(), d.getModificationTime(),
        d.getAccessTime(), d.getFeatures());
    this.children = d.children;
  }

  @Override public boolean isDirectory() { return true; }

  public int childCount() { return children.length; }

  public SnapshotCopy child(int i) { return children[i]; }

  /** The child named {@code name}, or null. */
  public SnapshotCopy child(String name) {
    int at = indexOf(NameBytes.of(name));
    return at >= 0 ? children[at] : null;
  }

  /** Index of the first child whose name is after {@code name} ("" : 0). */
  public int firstAfter(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    int at = indexOf(NameBytes.of(name));
    return at >= 0 ? at + 1 : -at - 1;
  }

  private int indexOf(byte[] name) {
    int lo = 0;
    int hi = children.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = NameBytes.compare(children[mid].getNameBytes(), name);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  static SnapshotCopy[] sorted(SnapshotCopy[] children) {
    Arrays.sort(children, BY_NAME);
    return children;
  }
}
