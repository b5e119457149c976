package io.quire.namenode.namespace;

/**
 * The inode tree and the inode-id index ({@link InodeMap}). Guarded by the namesystem lock;
 * mutated only while applying records.
 */
public final class InodeTree {
  /** Inode id of "/" (as in HDFS); ids of new inodes are allocated above it. */
  public static final long ROOT_ID = 16385;

  private InodeDirectory root;
  private final InodeMap byId = new InodeMap();

  public InodeTree(String superUser, String superGroup, long time) {
    InodeDirectory root = new InodeDirectory(ROOT_ID, "", (short) 0755, superUser, superGroup,
        time);
    root.setQuota(DirectoryQuota.ROOT_NAMESPACE_QUOTA, -1);
    reset(root);
  }

  /** Replaces the whole tree by {@code newRoot} (image load). */
  public void reset(InodeDirectory newRoot) {
    root = newRoot;
    byId.clear();
    index(newRoot);
  }

  private void index(Inode subtree) {
    Subtree.preOrder(subtree, byId::put);
  }

  public InodeDirectory getRoot() { return root; }

  public Inode getById(long id) { return byId.get(id); }

  public int size() { return byId.size(); }

  public ResolvedPath resolve(String path, String op) {
    String[] c = PathNames.split(path, op);
    Inode[] inodes = new Inode[c.length + 1];
    inodes[0] = root;
    Inode cur = root;
    for (int i = 0; i < c.length && cur instanceof InodeDirectory d; i++) {
      cur = d.getChild(NameBytes.of(c[i]));
      if (cur == null) {
        break;
      }
      inodes[i + 1] = cur;
    }
    return new ResolvedPath(PathNames.join(c, c.length), c, inodes);
  }

  /** The inode at an already validated path, or null. */
  public Inode get(String path) {
    return resolve(path, "lookup").last();
  }

  /** Adds {@code child} under {@code parent} and indexes its subtree. */
  public void add(InodeDirectory parent, Inode child) {
    parent.addChild(child);
    index(child);
  }

  /** Detaches {@code inode} from its parent and unindexes its subtree. */
  public void remove(Inode inode) {
    inode.getParent().removeChild(inode);
    unindex(inode);
  }

  private void unindex(Inode subtree) {
    Subtree.preOrder(subtree, i -> byId.remove(i.getId()));
  }

  /** Moves {@code inode} to {@code newParent} under {@code newName} (ids unchanged). */
  public void move(Inode inode, InodeDirectory newParent, String newName) {
    inode.getParent().removeChild(inode);
    inode.setName(NameBytes.of(newName));
    newParent.addChild(inode);
  }
}
