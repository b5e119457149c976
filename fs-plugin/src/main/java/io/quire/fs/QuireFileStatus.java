package io.quire.fs;

import io.quire.protocol.types.InodeStatus;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * A FileStatus built from the NameNode's {@link InodeStatus}, carrying the file id (for path
 * handles) and the etag (content identity that survives rename; empty for directories).
 * Directories report replication 0 and block size 0, as HDFS does. {@link #hasAcl()} is true
 * for an inode with an extended ACL (FsShell's ls shows a '+', getfacl asks for the entries).
 */
public final class QuireFileStatus extends FileStatus implements EtagSource {
  private static final long serialVersionUID = 1L;

  private final long fileId;
  private final String etag;

  QuireFileStatus(InodeStatus s, Path qualified) {
    super(s.isDirectory() ? 0 : s.getLength(), s.isDirectory(),
        s.isDirectory() ? 0 : s.getReplication(), s.isDirectory() ? 0 : s.getBlockSize(),
        s.getModificationTime(), s.getAccessTime(), new FsPermission(s.getPermission()),
        s.getOwner(), s.getGroup(), null, qualified, s.hasAcl(), false, false);
    this.fileId = s.getFileId();
    this.etag = s.getEtag();
  }

  /** The NameNode's id of this inode (stable across rename, new on re-create). */
  public long getFileId() { return fileId; }

  @Override public String getEtag() { return etag; }

  @Override public boolean equals(Object o) { return super.equals(o); }

  @Override public int hashCode() { return super.hashCode(); }
}
