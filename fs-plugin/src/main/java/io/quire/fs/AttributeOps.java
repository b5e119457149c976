package io.quire.fs;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/** Permission, owner, times and replication of a path: one NameNode call each. */
final class AttributeOps {
  private final FsContext fs;

  AttributeOps(FsContext fs) {
    this.fs = fs;
  }

  void setPermission(Path p, FsPermission permission) throws IOException {
    fs.nn().setPermission(fs.write(p), permission.toShort());
  }

  /** Either name may be null (left unchanged), not both (IllegalArgumentException). */
  void setOwner(Path p, String username, String groupname) throws IOException {
    if (username == null && groupname == null) {
      throw new IllegalArgumentException("setOwner " + p + ": username and groupname are null");
    }
    fs.nn().setOwner(fs.write(p), username, groupname);
  }

  void setTimes(Path p, long mtime, long atime) throws IOException {
    fs.nn().setTimes(fs.write(p), mtime, atime);
  }

  boolean setReplication(Path p, short replication) throws IOException {
    return fs.nn().setReplication(fs.write(p), replication);
  }
}
