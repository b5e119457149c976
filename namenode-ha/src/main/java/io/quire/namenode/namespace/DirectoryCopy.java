package io.quire.namenode.namespace;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A directory as a snapshot holds it: its attributes and its children's copies, sorted by
 * name (byte-wise UTF-8, as a live directory: {@link NameBytes#compare}), in an array or, for
 * a large directory, in chunks shared with the directory's previous copy where unchanged
 * ({@link CopyChunks}): 4 to 5.25 bytes per child (a {@code TreeMap} entry would cost 40), and
 * a later copy of a large directory costs its changed chunks, not its whole array.
 */
public final class DirectoryCopy extends SnapshotCopy implements SortedNames {
  private static final Comparator<SnapshotCopy> BY_NAME =
      (a, b) -> NameBytes.compare(a.getNameBytes(), b.getNameBytes());
  /** See {@link CopyChunks}. */
  private final Object children;

  /**
   * {@code children} sorted by name (as a live directory iterates them); shares unchanged
   * chunks with {@code previous}, an earlier copy of the same directory (may be null).
   */
  public DirectoryCopy(long id, String name, short permission, String owner, String group,
      long mtime, long atime, InodeFeatures features, SnapshotCopy[] children,
      DirectoryCopy previous) {
    super(id, name, permission, owner, group, mtime, atime, features);
    // sorted again: an image written before names were ordered byte-wise (see NameBytes) may
    // hold another order; already sorted input costs one pass
    this.children = CopyChunks.of(sorted(children),
        previous == null ? null : previous.children);
  }

  DirectoryCopy(InodeDirectory d, SnapshotCopy[] children, DirectoryCopy previous) {
    super(d);
    this.children = CopyChunks.of(children, previous == null ? null : previous.children);
  }

  /** This copy under another name (a snapshot root is listed under the snapshot's name). */
  DirectoryCopy(String name, DirectoryCopy d) {
    super(d.getId(), NameBytes.of(name), d.getOwnership(), d.getModificationTime(),
        d.getAccessTime(), d.getFeatures());
    this.children = d.children;
  }

  @Override public boolean isDirectory() { return true; }

  /** The children as {@link CopyChunks} keeps them. */
  Object childStorage() { return children; }

  public int childCount() { return CopyChunks.count(children); }

  public SnapshotCopy child(int i) { return CopyChunks.get(children, i); }

  /** The child named {@code name}, or null. */
  public SnapshotCopy child(String name) {
    int at = indexOf(NameBytes.of(name));
    return at >= 0 ? child(at) : null;
  }

  /** Index of the first child whose name is after {@code name} ("" : 0). */
  public int firstAfter(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    int at = indexOf(NameBytes.of(name));
    return at >= 0 ? at + 1 : -at - 1;
  }

  @Override public byte[] nameAt(int index) { return child(index).getNameBytes(); }

  private int indexOf(byte[] name) {
    return NameBytes.indexOf(this, childCount(), name);
  }

  static SnapshotCopy[] sorted(SnapshotCopy[] children) {
    Arrays.sort(children, BY_NAME);
    return children;
  }
}
