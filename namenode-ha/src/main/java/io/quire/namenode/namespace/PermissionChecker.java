package io.quire.namenode.namespace;

import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclEntryScope;
import org.apache.hadoop.fs.permission.AclEntryType;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;

/**
 * POSIX-style permission checks as HDFS's FSPermissionChecker makes them: traverse needs x on
 * every ancestor, the owner/group/other class of the caller decides (or, for an inode with an
 * extended access ACL, its ACL entries: {@link #checkAcl}), the superuser passes
 * everything, and the sticky bit on a directory restricts deleting and renaming its entries to
 * their owner and the directory's owner.
 */
public final class PermissionChecker {
  private static final short STICKY = 01000;

  private final Caller caller;
  private final boolean enabled;

  public PermissionChecker(Caller caller, boolean enabled) {
    this.caller = caller;
    this.enabled = enabled && !caller.isSuperUser();
  }

  public Caller caller() { return caller; }

  public boolean isSuperUser() { return caller.isSuperUser(); }

  /** x on every existing directory strictly above {@code depth} (the root included). */
  public void checkTraverse(ResolvedPath p, int depth) throws AccessControlException {
    if (!enabled) {
      return;
    }
    for (int d = 0; d < depth && d <= p.depth(); d++) {
      Inode i = p.inode(d);
      if (i == null || !i.isDirectory()) {
        return;
      }
      check(i, FsAction.EXECUTE);
    }
  }

  /** {@code action} on {@code inode} (null inode passes: the caller handles missing paths). */
  public void check(InodeAttributes inode, FsAction action) throws AccessControlException {
    if (!enabled || inode == null) {
      return;
    }
    int mode = inode.getPermission();
    java.util.List<AclEntry> acl = inode.getAcl();
    if (acl != null && acl.get(0).getScope() == AclEntryScope.ACCESS) {
      checkAcl(inode, mode, acl, action);
      return;
    }
    int bits;
    if (caller.user().equals(inode.getOwner())) {
      bits = (mode >> 6) & 7;
    } else if (caller.groups().contains(inode.getGroup())) {
      bits = (mode >> 3) & 7;
    } else {
      bits = mode & 7;
    }
    if ((bits & action.ordinal()) != action.ordinal()) {
      throw denied(inode, action.toString());
    }
  }

  /**
   * HDFS's checkAccessAcl: the owner entry for the owner; else a named user entry of the
   * caller, limited by the mask; else the union of the group entries (the unnamed one for the
   * inode's group, named ones) that match one of the caller's groups, each limited by the mask,
   * and a caller in a matching group without the access is refused; else the other entry. The
   * mask is the group bits of the permission.
   */
  private void checkAcl(InodeAttributes inode, int mode, java.util.List<AclEntry> acl,
      FsAction action) throws AccessControlException {
    int want = action.ordinal();
    if (caller.user().equals(inode.getOwner())) {
      if ((((mode >> 6) & 7) & want) == want) {
        return;
      }
      throw denied(inode, action.toString());
    }
    int mask = (mode >> 3) & 7;
    boolean groupMatched = false;
    for (AclEntry e : acl) {
      if (e.getScope() != AclEntryScope.ACCESS) {
        break;
      }
      int granted = e.getPermission().ordinal() & mask;
      if (e.getType() == AclEntryType.USER && caller.user().equals(e.getName())) {
        if ((granted & want) == want) {
          return;
        }
        throw denied(inode, action.toString());
      }
      if (e.getType() == AclEntryType.GROUP) {
        String g = e.getName() == null ? inode.getGroup() : e.getName();
        if (caller.groups().contains(g)) {
          groupMatched = true;
          if ((granted & want) == want) {
            return;
          }
        }
      }
    }
    if (!groupMatched && ((mode & 7) & want) == want) {
      return;
    }
    throw denied(inode, action.toString());
  }

  public void checkOwner(Inode inode) throws AccessControlException {
    if (enabled && !caller.user().equals(inode.getOwner())) {
      throw new AccessControlException("Permission denied. user=" + caller.user()
          + " is not the owner of inode=" + inode.getFullPath());
    }
  }

  public void checkSuperUser(String op) throws AccessControlException {
    if (!caller.isSuperUser()) {
      throw new AccessControlException("Access denied for user " + caller.user() + ". "
          + op + " needs superuser privilege");
    }
  }

  /** Sticky bit: removing {@code child} from {@code parent} needs ownership of one of them. */
  public void checkSticky(Inode parent, Inode child) throws AccessControlException {
    if (!enabled || (parent.getPermission() & STICKY) == 0) {
      return;
    }
    String u = caller.user();
    if (!u.equals(parent.getOwner()) && !u.equals(child.getOwner())) {
      throw new AccessControlException("Permission denied by sticky bit: user=" + u
          + ", path=\"" + child.getFullPath() + "\":" + child.getOwner() + ":"
          + child.getGroup() + ", parent=\"" + parent.getFullPath() + "\":"
          + parent.getOwner() + ":" + parent.getGroup() + ":" + mode(parent));
    }
  }

  private AccessControlException denied(InodeAttributes i, String access) {
    return new AccessControlException("Permission denied: user=" + caller.user() + ", access="
        + access + ", inode=\"" + i.getFullPath() + "\":" + i.getOwner() + ":" + i.getGroup()
        + ":" + mode(i));
  }

  private static String mode(InodeAttributes i) {
    return (i.isDirectory() ? "d" : "-") + new FsPermission(i.getPermission());
  }
}
