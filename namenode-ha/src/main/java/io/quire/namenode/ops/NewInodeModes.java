package io.quire.namenode.ops;

import io.quire.namenode.namespace.Acls;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;

/**
 * The permission and ACL of inodes that mkdirs or create makes, one below the other (HDFS's
 * POSIX ACL inheritance, dfs.namenode.posix.acl.inheritance.enabled=true): under a parent with
 * a default ACL the new inode inherits it, its mode taken from the unmasked permission the
 * client sent (the umask does not apply there); elsewhere the masked permission applies as
 * given. Each new directory becomes the parent of the next.
 */
final class NewInodeModes {
  private List<AclEntry> parentAcl;

  /** @param parentAcl the stored ACL of the deepest existing directory (may be null) */
  NewInodeModes(List<AclEntry> parentAcl) {
    this.parentAcl = parentAcl;
  }

  /**
   * The permission and stored ACL entries of the next new inode, which then becomes the parent
   * when it is a directory.
   *
   * @param masked the permission after the client's umask
   * @param unmasked the permission before it, or -1 when the client did not send it
   */
  Acls.Stored next(short masked, short unmasked, boolean directory) {
    short mode = unmasked >= 0 ? (short) (unmasked & 01777) : masked;
    Acls.Stored s = Acls.inherit(parentAcl, mode, directory);
    if (s == null) {
      s = new Acls.Stored(masked, List.of());
    }
    if (directory) {
      parentAcl = s.entries().isEmpty() ? null : s.entries();
    }
    return s;
  }
}
