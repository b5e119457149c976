package io.quire.namenode.namespace;

import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;

/**
 * An immutable copy of an inode as a snapshot holds it. Copies are shared: a snapshot shares
 * every copy of an inode that did not change since the previous snapshot of the same
 * directory (see {@link SnapshotFreezer}), so a copy has no parent and no path. Its features
 * (ACL, attributes) are a frozen {@link InodeFeatures} of its own, or null. It shares the
 * inode's name bytes and {@link Ownership}.
 */
public abstract sealed class SnapshotCopy implements InodeAttributes
    permits FileCopy, DirectoryCopy {
  private final long id;
  private final byte[] name;
  private final Ownership ownership;
  private final long modificationTime;
  private final long accessTime;
  private final InodeFeatures features;
  /**
   * How many holders reference this copy: snapshots (their roots) and directory copies (their
   * children). Derived (replay and image load count alike); fills alignment padding.
   */
  private int refs;

  SnapshotCopy(long id, String name, short permission, String owner, String group,
      long modificationTime, long accessTime, InodeFeatures features) {
    this(id, NameBytes.of(name), Ownership.of(permission, owner, group), modificationTime,
        accessTime, features);
  }

  SnapshotCopy(long id, byte[] name, Ownership ownership, long modificationTime,
      long accessTime, InodeFeatures features) {
    this.id = id;
    this.name = name;
    this.ownership = ownership;
    this.modificationTime = modificationTime;
    this.accessTime = accessTime;
    this.features = features;
  }

  SnapshotCopy(Inode i) {
    this(i.getId(), i.getNameBytes(), i.getOwnership(), i.getModificationTime(),
        i.getAccessTime(), InodeFeatures.frozenCopy(i.getFeatures()));
  }

  @Override public long getId() { return id; }
  @Override public String getName() { return NameBytes.toString(name); }
  /** The name as UTF-8 bytes (shared with the inode: never change it). */
  public byte[] getNameBytes() { return name; }
  public Ownership getOwnership() { return ownership; }
  @Override public short getPermission() { return ownership.permission(); }
  @Override public String getOwner() { return ownership.owner(); }
  @Override public String getGroup() { return ownership.group(); }
  @Override public long getModificationTime() { return modificationTime; }
  @Override public long getAccessTime() { return accessTime; }
  @Override public String getFullPath() { return getName(); }

  /** Adds {@code delta} to the holders of this copy; returns the new count. */
  public int addRef(int delta) {
    refs += delta;
    return refs;
  }

  public int refs() { return refs; }

  /** The ACL and attributes when the inode had any, else null (never change them). */
  public InodeFeatures getFeatures() { return features; }

  @Override public List<AclEntry> getAcl() {
    return features == null ? null : features.acl();
  }
}
