package io.quire.namenode.namespace;

/**
 * A file or directory of the namespace tree. Mutable, guarded by the namesystem lock, and
 * changed only while applying journal records.
 *
 * <p>Memory (compressed references): 56 bytes: the id and two times (24), the name as UTF-8
 * bytes ({@link NameBytes}), the parent, the interned {@link Ownership}, the optional
 * {@link InodeFeatures} and the snapshot copy (5 references); an {@link InodeFile} is 64, an
 * {@link InodeDirectory} 72. The inode-id index ({@link InodeMap}) adds 5 to 11 bytes, a
 * directory's child array 4 to 5. An ACL, attributes, quotas, a
 * snapshot list or a lease (files being written) live in the features object, made only when
 * one is there.
 */
public abstract class Inode implements InodeAttributes {
  private final long id;
  private byte[] name;
  private InodeDirectory parent;
  private Ownership ownership;
  private long modificationTime;
  private long accessTime;
  private InodeFeatures features;
  /**
   * This inode's latest snapshot copy while it (and, for a directory, everything below it) is
   * unchanged since the copy was made, else null: the next snapshot shares the copy instead of
   * making another. If an inode has one, so has every inode below it (see
   * {@link #changed}).
   */
  private SnapshotCopy frozen;

  protected Inode(long id, String name, short permission, String owner, String group,
      long time) {
    this(id, NameBytes.of(name), Ownership.of(permission, owner, group), time);
  }

  protected Inode(long id, byte[] name, Ownership ownership, long time) {
    this.id = id;
    this.name = name;
    this.ownership = ownership;
    this.modificationTime = time;
    this.accessTime = time;
  }

  public abstract boolean isDirectory();

  public long getId() { return id; }
  /** The name (decoded from its bytes on each call: prefer {@link #getNameBytes}). */
  public String getName() { return NameBytes.toString(name); }
  /** The name as UTF-8 bytes (not a copy: never change it). */
  public byte[] getNameBytes() { return name; }
  void setName(byte[] name) { this.name = name; }
  public InodeDirectory getParent() { return parent; }
  void setParent(InodeDirectory parent) { this.parent = parent; }
  public Ownership getOwnership() { return ownership; }
  public short getPermission() { return ownership.permission(); }
  public void setPermission(short permission) {
    ownership = ownership.withPermission(permission);
  }
  public String getOwner() { return ownership.owner(); }
  public void setOwner(String owner) { ownership = ownership.withOwner(owner); }
  public String getGroup() { return ownership.group(); }
  public void setGroup(String group) { ownership = ownership.withGroup(group); }
  public long getModificationTime() { return modificationTime; }
  public void setModificationTime(long t) { this.modificationTime = t; }
  public long getAccessTime() { return accessTime; }
  public void setAccessTime(long t) { this.accessTime = t; }

  /** The ACL and extended attributes, or null when the inode has none (the common case). */
  public InodeFeatures getFeatures() { return features; }

  /** The stored ACL entries (see {@link Acls}), or null without an extended ACL. */
  public java.util.List<org.apache.hadoop.fs.permission.AclEntry> getAcl() {
    return features == null ? null : features.acl();
  }

  /** Replaces the stored ACL entries (empty or null: no extended ACL). */
  public void setAcl(java.util.List<org.apache.hadoop.fs.permission.AclEntry> entries) {
    features().setAcl(entries);
    dropEmptyFeatures();
  }

  public void setXAttr(String name, byte[] value) {
    features().setXAttr(name, value);
  }

  /** Appends an attribute read from a checkpoint (kept in the saved order). */
  public void appendXAttr(String name, byte[] value) {
    features().appendXAttr(name, value);
  }

  /** Removes an attribute; false when it was not set. */
  public boolean removeXAttr(String name) {
    boolean removed = features != null && features.removeXAttr(name);
    dropEmptyFeatures();
    return removed;
  }

  /** The snapshots when this is a snapshottable directory, else null. */
  public SnapshotList getSnapshots() {
    return features == null ? null : features.snapshots();
  }

  /** Makes this directory snapshottable (an empty list) or not (null). */
  public void setSnapshots(SnapshotList list) {
    features().setSnapshots(list);
    dropEmptyFeatures();
  }

  SnapshotCopy frozen() { return frozen; }

  void setFrozen(SnapshotCopy copy) { this.frozen = copy; }

  /**
   * This inode is about to change (or a child is added or removed): its copy and every
   * ancestor's copy are no longer current. Stops at the first inode without one (its
   * ancestors have none either), so it costs nothing outside snapshotted trees.
   */
  public void changed() {
    for (Inode i = this; i != null && i.frozen != null; i = i.parent) {
      i.frozen = null;
    }
  }

  void setQuotaFeature(DirectoryQuota q) {
    if (q == null) {
      if (features != null) {
        features.setQuota(null);
        dropEmptyFeatures();
      }
      return;
    }
    features().setQuota(q);
  }

  InodeFeatures features() {
    if (features == null) {
      features = new InodeFeatures();
    }
    return features;
  }

  void dropEmptyFeatures() {
    if (features != null && features.isEmpty()) {
      features = null;
    }
  }

  /** Absolute path, built by walking up to the root. */
  public String getFullPath() {
    if (parent == null) {
      return "/";
    }
    java.util.ArrayDeque<byte[]> names = new java.util.ArrayDeque<>();
    for (Inode i = this; i.parent != null; i = i.parent) {
      names.push(i.name);
    }
    StringBuilder sb = new StringBuilder();
    for (byte[] n : names) {
      sb.append('/').append(NameBytes.toString(n));
    }
    return sb.toString();
  }

  /** True when this inode is {@code other} or below it. */
  public boolean isDescendantOf(Inode other) {
    for (Inode i = this; i != null; i = i.parent) {
      if (i == other) {
        return true;
      }
    }
    return false;
  }
}
