package io.quire.fs;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;

/** ACL calls with HDFS's semantics (see ClientProtocol): one NameNode call each. */
final class AclOps {
  private final FsContext fs;

  AclOps(FsContext fs) {
    this.fs = fs;
  }

  void modifyAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    fs.nn().modifyAclEntries(fs.write(path), aclSpec);
  }

  void removeAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    fs.nn().removeAclEntries(fs.write(path), aclSpec);
  }

  void removeDefaultAcl(Path path) throws IOException {
    fs.nn().removeDefaultAcl(fs.write(path));
  }

  void removeAcl(Path path) throws IOException {
    fs.nn().removeAcl(fs.write(path));
  }

  void setAcl(Path path, List<AclEntry> aclSpec) throws IOException {
    fs.nn().setAcl(fs.write(path), aclSpec);
  }

  AclStatus getAclStatus(Path path) throws IOException {
    return fs.nn().getAclStatus(fs.read(path));
  }
}
