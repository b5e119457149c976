package io.quire.namenode.namespace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A directory: children sorted by name in an array (as HDFS's {@code INodeDirectory}), so
 * listings page in name order: byte-wise UTF-8 order ({@link NameBytes#compare}). Lookup is a
 * binary search, insert and remove shift the array (a directory of a million children moves
 * up to 4 MB per change, as in HDFS).
 *
 * <p>Memory: 4 bytes per child, plus up to a quarter more while the array has room to grow
 * (a {@code TreeMap} entry cost 40); an empty directory holds the shared empty array.
 */
public final class InodeDirectory extends Inode implements SortedNames {
  private static final Inode[] NONE = new Inode[0];
  private Inode[] children = NONE;
  private int count;
  /**
   * This directory's latest snapshot copy, current or not (null when it has none, or its
   * last snapshot was deleted): the next copy shares its unchanged chunks
   * ({@link CopyChunks}).
   */
  private DirectoryCopy lastCopy;

  public InodeDirectory(long id, String name, short permission, String owner, String group,
      long time) {
    super(id, name, permission, owner, group, time);
  }

  public InodeDirectory(long id, byte[] name, Ownership ownership, long time) {
    super(id, name, ownership, time);
  }

  @Override public boolean isDirectory() { return true; }

  public Inode getChild(String name) { return getChild(NameBytes.of(name)); }

  public Inode getChild(byte[] name) {
    int at = indexOf(name);
    return at >= 0 ? children[at] : null;
  }

  public int getChildrenCount() { return count; }

  /** The child at {@code index} in name order (0 to {@link #getChildrenCount} - 1). */
  public Inode child(int index) {
    if (index >= count) {
      throw new IndexOutOfBoundsException(index + " of " + count + " children");
    }
    return children[index];
  }

  /**
   * The children in name order: a read-only view of the live children (do not change the
   * directory while iterating it; copy first).
   */
  public List<Inode> getChildren() {
    return new AbstractList<>() {
      @Override public Inode get(int index) { return child(index); }
      @Override public int size() { return count; }
    };
  }

  /** Index of the first child whose name is after {@code name} in name order ("" : 0). */
  public int firstAfter(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    int at = indexOf(NameBytes.of(name));
    return at >= 0 ? at + 1 : -at - 1;
  }

  DirectoryCopy lastCopy() { return lastCopy; }

  void setLastCopy(DirectoryCopy copy) { this.lastCopy = copy; }

  /** The quotas and their usage, or null when this directory has no quota. */
  public DirectoryQuota getQuota() {
    return getFeatures() == null ? null : getFeatures().quota();
  }

  /**
   * Sets the quotas (HDFS's INodeDirectory#setQuota): -1 clears one; with both cleared the
   * directory stops counting (the root always counts, quotas or not). A
   * directory that had no quota counts its subtree once now ({@link Usage#of}).
   */
  public void setQuota(long nsQuota, long ssQuota) {
    DirectoryQuota q = getQuota();
    if (q != null) {
      q.setQuotas(nsQuota, ssQuota);
      if (nsQuota < 0 && ssQuota < 0 && getParent() != null) {
        setQuotaFeature(null);
      }
      return;
    }
    if (nsQuota < 0 && ssQuota < 0) {
      return;
    }
    long[] used = Usage.count(this);
    setQuotaFeature(new DirectoryQuota(nsQuota, ssQuota, used[0], used[1]));
  }

  /** Sets quotas read from an image; the usage is recomputed once the tree is loaded. */
  public void restoreQuota(long nsQuota, long ssQuota) {
    setQuotaFeature(new DirectoryQuota(nsQuota, ssQuota, 0, 0));
  }

  /** Adds {@code child}, replacing a child of the same name (as a map put would). */
  void addChild(Inode child) {
    int at = indexOf(child.getNameBytes());
    if (at >= 0) {
      children[at] = child;
    } else {
      at = -at - 1;
      if (count == children.length) {
        children = Arrays.copyOf(children, grown(count));
      }
      System.arraycopy(children, at, children, at + 1, count - at);
      children[at] = child;
      count++;
    }
    child.setParent(this);
  }

  /** Removes {@code child} (by its name; nothing when no child has that name). */
  void removeChild(Inode child) {
    int at = indexOf(child.getNameBytes());
    if (at < 0) {
      return;
    }
    System.arraycopy(children, at + 1, children, at, count - at - 1);
    children[--count] = null;
    if (count == 0) {
      children = NONE;
    } else if (children.length > 8 && count < children.length >>> 2) {
      children = Arrays.copyOf(children, grown(count));
    }
    child.setParent(null);
  }

  /** Capacity for {@code n} children and room to grow: 1/4 more, at least one. */
  private static int grown(int n) {
    return n < 4 ? n + 1 : n + (n >>> 2);
  }

  /** Binary search: the index of {@code name}, or -(insertion point) - 1. */
  private int indexOf(byte[] name) {
    return NameBytes.indexOf(this, count, name);
  }

  @Override public byte[] nameAt(int index) { return children[index].getNameBytes(); }
}
