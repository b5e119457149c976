package io.quire.namenode.namespace;

import org.apache.hadoop.thirdparty.com.google.common.collect.Interner;
import org.apache.hadoop.thirdparty.com.google.common.collect.Interners;

/**
 * An inode's permission bits, owner and group, interned: a namespace has few distinct
 * combinations, so every inode refers to a shared one (4 bytes per inode instead of 10 for a
 * short and two references, and no per-inode owner or group strings after an image load).
 * HDFS packs the same into a long with a table of user and group names
 * ({@code PermissionStatusFormat}); one reference is smaller and needs no table. Weakly
 * interned: a combination no inode or copy uses any more is collected.
 */
public record Ownership(short permission, String owner, String group) {
  private static final Interner<Ownership> ALL = Interners.newWeakInterner();

  /** The shared instance of this combination. */
  public static Ownership of(short permission, String owner, String group) {
    return ALL.intern(new Ownership(permission, owner, group));
  }

  Ownership withPermission(short p) { return p == permission ? this : of(p, owner, group); }

  Ownership withOwner(String o) {
    return java.util.Objects.equals(o, owner) ? this : of(permission, o, group);
  }

  Ownership withGroup(String g) {
    return java.util.Objects.equals(g, group) ? this : of(permission, owner, g);
  }
}
