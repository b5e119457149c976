package io.quire.namenode.namespace;

import static org.apache.hadoop.fs.permission.AclEntryScope.ACCESS;
import static org.apache.hadoop.fs.permission.AclEntryScope.DEFAULT;

import io.quire.protocol.exceptions.AclException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclEntryType;
import org.apache.hadoop.fs.permission.AclUtil;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * How an inode stores its ACL (HDFS's AclStorage model). The owner, mask and other entries of
 * an extended access ACL live in the permission bits (the group bits hold the mask, so chmod
 * changes the mask); the inode stores the rest: the access entries between owner and mask
 * (named users, the group entry, named groups) followed by the default entries, sorted by
 * {@link AclTransformation#ORDER}. A minimal ACL (owner, group, other) is the permission bits
 * alone and stores nothing.
 */
public final class Acls {
  private Acls() {}

  /** Permission bits and stored entries (empty: no extended ACL) of an inode. */
  public record Stored(short permission, List<AclEntry> entries) {}

  /** The full ACL of {@code i}: a minimal one from its permission bits when it has none. */
  public static List<AclEntry> logical(Inode i) {
    FsPermission perm = new FsPermission(i.getPermission());
    List<AclEntry> stored = i.getAcl();
    if (stored == null) {
      return AclUtil.getMinimalAcl(perm);
    }
    List<AclEntry> access = new ArrayList<>();
    List<AclEntry> defaults = new ArrayList<>();
    for (AclEntry e : stored) {
      (e.getScope() == ACCESS ? access : defaults).add(e);
    }
    List<AclEntry> acl = new ArrayList<>(stored.size() + 3);
    if (access.isEmpty()) {
      acl.addAll(AclUtil.getMinimalAcl(perm));
    } else {
      acl.add(entry(AclEntryType.USER, perm.getUserAction()));
      acl.addAll(access);
      acl.add(entry(AclEntryType.MASK, perm.getGroupAction()));
      acl.add(entry(AclEntryType.OTHER, perm.getOtherAction()));
    }
    acl.addAll(defaults);
    return acl;
  }

  /**
   * How {@code i} stores the full, valid ACL {@code acl}.
   *
   * @throws AclException when {@code i} is a file and {@code acl} has default entries
   */
  public static Stored store(Inode i, List<AclEntry> acl) throws AclException {
    short perm = i.getPermission();
    if (AclUtil.isMinimalAcl(acl)) {
      return new Stored(bits(acl.get(0), acl.get(1), acl.get(2), perm), List.of());
    }
    List<AclEntry> access = new ArrayList<>();
    List<AclEntry> defaults = new ArrayList<>();
    for (AclEntry e : acl) {
      (e.getScope() == ACCESS ? access : defaults).add(e);
    }
    if (!defaults.isEmpty() && !i.isDirectory()) {
      throw new AclException("Invalid ACL: only directories may have a default ACL.");
    }
    return extended(access, defaults, perm);
  }

  /** What {@code i} becomes without an extended ACL: the group entry returns to the bits. */
  public static Stored removed(Inode i) {
    short perm = i.getPermission();
    List<AclEntry> stored = i.getAcl();
    if (stored == null || stored.get(0).getScope() != ACCESS) {
      return new Stored(perm, List.of());
    }
    AclEntry group = AclTransformation.find(stored,
        new AclEntry.Builder().setScope(ACCESS).setType(AclEntryType.GROUP).build());
    int bits = (perm & ~070) | group.getPermission().ordinal() << 3;
    return new Stored((short) bits, List.of());
  }

  /**
   * The ACL a new child of {@code parent} inherits from the parent's default ACL (HDFS's
   * copyINodeDefaultAcl): the default entries become the child's access entries, with the
   * owner, mask and other permissions (the group one for a minimal default ACL) limited by
   * {@code mode}; a directory also gets the default entries. Null when the parent has no
   * default ACL (then the masked mode applies as it is).
   */
  public static Stored inherit(Inode parent, short mode, boolean directory) {
    return inherit(parent.getAcl(), mode, directory);
  }

  /** {@link #inherit(Inode, short, boolean)} from the parent's stored entries (or null). */
  public static Stored inherit(List<AclEntry> stored, short mode, boolean directory) {
    if (stored == null) {
      return null;
    }
    List<AclEntry> defaults = new ArrayList<>();
    for (AclEntry e : stored) {
      if (e.getScope() == DEFAULT) {
        defaults.add(e);
      }
    }
    if (defaults.isEmpty()) {
      return null;
    }
    FsPermission m = new FsPermission(mode);
    boolean minimal = AclUtil.isMinimalAcl(defaults);
    List<AclEntry> access = new ArrayList<>(defaults.size());
    for (AclEntry e : defaults) {
      FsAction p = e.getPermission();
      AclEntryType t = e.getType();
      if (t == AclEntryType.USER && e.getName() == null) {
        p = p.and(m.getUserAction());
      } else if (t == AclEntryType.GROUP && minimal) {
        p = p.and(m.getGroupAction());
      } else if (t == AclEntryType.MASK) {
        p = p.and(m.getGroupAction());
      } else if (t == AclEntryType.OTHER) {
        p = p.and(m.getOtherAction());
      }
      AclEntry.Builder b = new AclEntry.Builder().setScope(ACCESS).setType(t).setPermission(p);
      if (e.getName() != null) {
        b.setName(e.getName());
      }
      access.add(b.build());
    }
    List<AclEntry> childDefaults = directory ? defaults : List.of();
    if (!AclUtil.isMinimalAcl(access) || !childDefaults.isEmpty()) {
      return extended(access, childDefaults, mode);
    }
    return new Stored(bits(access.get(0), access.get(1), access.get(2), mode), List.of());
  }

  private static Stored extended(List<AclEntry> access, List<AclEntry> defaults, short perm) {
    int n = access.size();
    List<AclEntry> stored = new ArrayList<>(n - 3 + defaults.size());
    if (!AclUtil.isMinimalAcl(access)) {
      stored.addAll(access.subList(1, n - 2));
    }
    stored.addAll(defaults);
    return new Stored(bits(access.get(0), access.get(n - 2), access.get(n - 1), perm), stored);
  }

  /** Permission bits from owner, group-class and other entries, keeping the sticky bit. */
  private static short bits(AclEntry user, AclEntry group, AclEntry other, short perm) {
    return (short) ((perm & 01000) | user.getPermission().ordinal() << 6
        | group.getPermission().ordinal() << 3 | other.getPermission().ordinal());
  }

  private static AclEntry entry(AclEntryType type, FsAction action) {
    return new AclEntry.Builder().setScope(ACCESS).setType(type).setPermission(action).build();
  }
}
