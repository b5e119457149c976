package io.quire.namenode.namespace;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A directory: children sorted by name (so listings page in name order). */
public final class InodeDirectory extends Inode {
  private final TreeMap<String, Inode> children = new TreeMap<>();

  public InodeDirectory(long id, String name, short permission, String owner, String group,
      long time) {
    super(id, name, permission, owner, group, time);
  }

  @Override public boolean isDirectory() { return true; }

  public Inode getChild(String name) { return children.get(name); }

  public int getChildrenCount() { return children.size(); }

  public Collection<Inode> getChildren() { return children.values(); }

  /** Children strictly after {@code name}, in name order. */
  public NavigableMap<String, Inode> childrenAfter(String name) {
    return name.isEmpty() ? children : children.tailMap(name, false);
  }

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

  void addChild(Inode child) {
    children.put(child.getName(), child);
    child.setParent(this);
  }

  void removeChild(Inode child) {
    children.remove(child.getName());
    child.setParent(null);
  }
}
