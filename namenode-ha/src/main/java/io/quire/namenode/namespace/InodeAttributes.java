package io.quire.namenode.namespace;

import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;

/**
 * What a permission check reads of a file or directory: a live {@link Inode} or an immutable
 * {@link SnapshotCopy} (a read under {@code .snapshot} checks the copies as they were).
 */
public interface InodeAttributes {
  long getId();

  String getName();

  boolean isDirectory();

  short getPermission();

  String getOwner();

  String getGroup();

  long getModificationTime();

  long getAccessTime();

  /** The stored ACL entries (see {@link Acls}), or null without an extended ACL. */
  List<AclEntry> getAcl();

  /** The path named in a refusal (a snapshot copy knows only its own name). */
  String getFullPath();
}
