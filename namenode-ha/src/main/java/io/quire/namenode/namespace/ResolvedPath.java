package io.quire.namenode.namespace;

/**
 * A path resolved against the tree: its components and the inode at each depth (index 0 is the
 * root; null from the first missing component on). Resolution stops below a file.
 */
public final class ResolvedPath {
  private final String path;
  private final String[] components;
  private final Inode[] inodes;

  ResolvedPath(String path, String[] components, Inode[] inodes) {
    this.path = path;
    this.components = components;
    this.inodes = inodes;
  }

  /** Normalized path. */
  public String path() { return path; }
  public String[] components() { return components; }
  public int depth() { return components.length; }
  public Inode inode(int depth) { return inodes[depth]; }
  /** The inode at the path, or null. */
  public Inode last() { return inodes[components.length]; }
  /** The parent inode, or null (also null for the root itself). */
  public Inode parent() { return components.length == 0 ? null : inodes[components.length - 1]; }
  public boolean exists() { return last() != null; }
  public boolean isRoot() { return components.length == 0; }
  public String name() { return components.length == 0 ? "" : components[components.length - 1]; }

  /** Deepest existing inode's depth. */
  public int lastExistingDepth() {
    int d = 0;
    while (d < components.length && inodes[d + 1] != null) {
      d++;
    }
    return d;
  }
}
