package io.quire.namenode.namespace;

import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;

/**
 * POSIX-style permission checks as HDFS's FSPermissionChecker makes them: traverse needs x on
 * every ancestor, the owner/group/other class of the caller decides, the superuser passes
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
  public void check(Inode inode, FsAction action) throws AccessControlException {
    if (!enabled || inode == null) {
      return;
    }
    int mode = inode.getPermission();
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

  private AccessControlException denied(Inode i, String access) {
    return new AccessControlException("Permission denied: user=" + caller.user() + ", access="
        + access + ", inode=\"" + i.getFullPath() + "\":" + i.getOwner() + ":" + i.getGroup()
        + ":" + mode(i));
  }

  private static String mode(Inode i) {
    return (i.isDirectory() ? "d" : "-") + new FsPermission(i.getPermission());
  }
}
