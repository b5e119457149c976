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

  void addChild(Inode child) {
    children.put(child.getName(), child);
    child.setParent(this);
  }

  void removeChild(Inode child) {
    children.remove(child.getName());
    child.setParent(null);
  }
}
