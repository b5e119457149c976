package io.quire.protocol.types;

/**
 * Status of a file or directory as the NameNode reports it. Paths are absolute, normalized
 * Quire paths ("/a/b"); the client turns them into Hadoop FileStatus objects.
 *
 * <p>The etag identifies a file's content: it changes when the content changes (append,
 * truncate, concat, overwrite) and survives rename. Directories have an empty etag.
 */
public final class InodeStatus {
  private final String path;
  private final long fileId;
  private final boolean directory;
  private final long length;
  private final short replication;
  private final long blockSize;
  private final long modificationTime;
  private final long accessTime;
  private final short permission;
  private final String owner;
  private final String group;
  private final int childrenCount;
  private final boolean underConstruction;
  private final String etag;
  private final boolean hasAcl;

  public InodeStatus(String path, long fileId, boolean directory, long length, short replication,
      long blockSize, long modificationTime, long accessTime, short permission, String owner,
      String group, int childrenCount, boolean underConstruction, String etag) {
    this(path, fileId, directory, length, replication, blockSize, modificationTime, accessTime,
        permission, owner, group, childrenCount, underConstruction, etag, false);
  }

  /** @param hasAcl the inode has an extended ACL (FsShell's ls shows a '+') */
  public InodeStatus(String path, long fileId, boolean directory, long length, short replication,
      long blockSize, long modificationTime, long accessTime, short permission, String owner,
      String group, int childrenCount, boolean underConstruction, String etag, boolean hasAcl) {
    this.hasAcl = hasAcl;
    this.path = path;
    this.fileId = fileId;
    this.directory = directory;
    this.length = length;
    this.replication = replication;
    this.blockSize = blockSize;
    this.modificationTime = modificationTime;
    this.accessTime = accessTime;
    this.permission = permission;
    this.owner = owner;
    this.group = group;
    this.childrenCount = childrenCount;
    this.underConstruction = underConstruction;
    this.etag = etag == null ? "" : etag;
  }

  public String getPath() { return path; }
  public long getFileId() { return fileId; }
  public boolean isDirectory() { return directory; }
  public long getLength() { return length; }
  public short getReplication() { return replication; }
  public long getBlockSize() { return blockSize; }
  public long getModificationTime() { return modificationTime; }
  public long getAccessTime() { return accessTime; }
  /** POSIX permission bits (0777 mask plus sticky bit 01000). */
  public short getPermission() { return permission; }
  public String getOwner() { return owner; }
  public String getGroup() { return group; }
  /** Number of children of a directory; 0 for files. */
  public int getChildrenCount() { return childrenCount; }
  public boolean isUnderConstruction() { return underConstruction; }
  public String getEtag() { return etag; }
  /** True when the inode has extended ACL entries (the permission's group bits are the mask). */
  public boolean hasAcl() { return hasAcl; }

  @Override public String toString() {
    return (directory ? "dir " : "file ") + path + " len=" + length;
  }
}
