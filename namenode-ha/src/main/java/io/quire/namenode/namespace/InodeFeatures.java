package io.quire.namenode.namespace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.thirdparty.com.google.common.collect.Interner;
import org.apache.hadoop.thirdparty.com.google.common.collect.Interners;

/**
 * What an inode has beyond its core fields: an extended ACL, extended attributes and, for a
 * directory, its quotas and their usage ({@link DirectoryQuota}), for a snapshottable
 * directory, its snapshots ({@link SnapshotList}) and, for a file open for writing, its lease
 * ({@link UnderConstruction}). An inode without any holds no features
 * object at all (null), so the features cost an inode one reference until it uses one.
 *
 * <p>Memory: the ACL is an immutable list interned across inodes (a tree under one default
 * ACL shares one list: 0 bytes per inode beyond the reference); attribute names are interned
 * strings; attribute values are each inode's own arrays. Mutated only while records are
 * applied (under the namesystem write lock); the lists handed out are immutable.
 */
public final class InodeFeatures {
  private static final Interner<List<AclEntry>> ACLS = Interners.newWeakInterner();
  private static final Interner<String> NAMES = Interners.newWeakInterner();

  private List<AclEntry> acl;
  private String[] xattrNames;
  private byte[][] xattrValues;
  /** Non-null on a snapshottable directory (see {@link SnapshotList}). */
  private SnapshotList snapshots;
  private DirectoryQuota quota;
  /** Non-null on a file open for writing. */
  private UnderConstruction underConstruction;

  /**
   * A copy for a {@link SnapshotCopy}, or null when {@code f} has no ACL or attributes:
   * shares the interned ACL list and the attribute arrays (replaced, never changed in place,
   * by later changes of the live inode); no snapshot state.
   */
  static InodeFeatures frozenCopy(InodeFeatures f) {
    if (f == null || (f.acl == null && f.xattrNames == null)) {
      return null;
    }
    InodeFeatures c = new InodeFeatures();
    c.acl = f.acl;
    c.xattrNames = f.xattrNames;
    c.xattrValues = f.xattrValues;
    return c;
  }

  /** The snapshots of a snapshottable directory, null for any other inode. */
  public SnapshotList snapshots() { return snapshots; }

  void setSnapshots(SnapshotList list) { this.snapshots = list; }

  UnderConstruction underConstruction() { return underConstruction; }

  void setUnderConstruction(UnderConstruction uc) { this.underConstruction = uc; }

  /** The stored ACL entries (see {@link Acls}), or null without an extended ACL. */
  public List<AclEntry> acl() { return acl; }

  void setAcl(List<AclEntry> entries) {
    this.acl = entries == null || entries.isEmpty() ? null : ACLS.intern(List.copyOf(entries));
  }

  public int xattrCount() { return xattrNames == null ? 0 : xattrNames.length; }

  public String xattrName(int i) { return xattrNames[i]; }

  /** The value (not a copy: never change it), null when the attribute has none. */
  public byte[] xattrValue(int i) { return xattrValues[i]; }

  /** The index of attribute {@code name}, or -1. */
  public int xattrIndex(String name) {
    for (int i = 0; i < xattrCount(); i++) {
      if (xattrNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Sets {@code name}: a new attribute goes first (HDFS lists the latest set first). */
  void setXAttr(String name, byte[] value) {
    int at = xattrIndex(name);
    if (at >= 0) {
      removeXAttr(at);
    }
    int n = xattrCount();
    String[] names = new String[n + 1];
    byte[][] values = new byte[n + 1][];
    names[0] = NAMES.intern(name);
    values[0] = value;
    if (n > 0) {
      System.arraycopy(xattrNames, 0, names, 1, n);
      System.arraycopy(xattrValues, 0, values, 1, n);
    }
    xattrNames = names;
    xattrValues = values;
  }

  /** Appends (image loading keeps the saved order). */
  void appendXAttr(String name, byte[] value) {
    int n = xattrCount();
    xattrNames = n == 0 ? new String[1] : Arrays.copyOf(xattrNames, n + 1);
    xattrValues = n == 0 ? new byte[1][] : Arrays.copyOf(xattrValues, n + 1);
    xattrNames[n] = NAMES.intern(name);
    xattrValues[n] = value;
  }

  boolean removeXAttr(String name) {
    int at = xattrIndex(name);
    if (at < 0) {
      return false;
    }
    removeXAttr(at);
    return true;
  }

  private void removeXAttr(int at) {
    int n = xattrCount();
    if (n == 1) {
      xattrNames = null;
      xattrValues = null;
      return;
    }
    List<String> names = new ArrayList<>(Arrays.asList(xattrNames));
    List<byte[]> values = new ArrayList<>(Arrays.asList(xattrValues));
    names.remove(at);
    values.remove(at);
    xattrNames = names.toArray(new String[0]);
    xattrValues = values.toArray(new byte[0][]);
  }

  /** The directory's quotas and usage, or null without quotas. */
  public DirectoryQuota quota() { return quota; }

  void setQuota(DirectoryQuota q) {
    this.quota = q;
  }

  boolean isEmpty() {
    return acl == null && xattrNames == null && snapshots == null && quota == null
        && underConstruction == null;
  }
}
