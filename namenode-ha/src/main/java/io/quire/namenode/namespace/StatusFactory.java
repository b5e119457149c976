package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.InodeStatus;

/** Builds the wire views of inodes: status (with etag) and content summaries. */
public final class StatusFactory {
  private StatusFactory() {}

  public static InodeStatus status(Inode i, String path) {
    if (i instanceof InodeFile f) {
      long len = f.computeLength();
      return new InodeStatus(path, f.getId(), false, len, f.getReplication(),
          f.getPreferredBlockSize(), f.getModificationTime(), f.getAccessTime(),
          f.getPermission(), f.getOwner(), f.getGroup(), 0, f.isUnderConstruction(),
          etag(f, len), f.getAcl() != null);
    }
    InodeDirectory d = (InodeDirectory) i;
    return new InodeStatus(path, d.getId(), true, 0, (short) 0, 0, d.getModificationTime(),
        d.getAccessTime(), d.getPermission(), d.getOwner(), d.getGroup(),
        d.getChildrenCount(), false, "", d.getAcl() != null);
  }

  /**
   * Etag of a file: hex of (inode id, last block id, its generation stamp, length). It changes
   * with the content (overwrite makes a new inode; append, truncate and concat change the last
   * block or the length) and survives rename, which keeps the inode.
   */
  public static String etag(InodeFile f, long length) {
    BlockInfo last = f.getLastBlock();
    long blockId = last == null ? 0 : last.getBlockId();
    long gs = last == null ? 0 : last.getGenerationStamp();
    return Long.toHexString(f.getId()) + '-' + Long.toHexString(blockId) + '-'
        + Long.toHexString(gs) + '-' + Long.toHexString(length);
  }

  /**
   * Walks the subtree. Space consumed as quotas count it ({@link Usage#fileSpace}: a block
   * being written counts at the preferred block size, as in HDFS); the quotas of a directory
   * that has some, else -1.
   */
  public static ContentSummaryInfo summary(Inode root) {
    long[] acc = new long[4]; // length, files, dirs, space
    Subtree.preOrder(root, i -> {
      if (i instanceof InodeFile f) {
        acc[0] += f.computeLength();
        acc[1]++;
        acc[3] += Usage.fileSpace(f);
      } else {
        acc[2]++;
      }
    });
    DirectoryQuota q = root instanceof InodeDirectory d ? d.getQuota() : null;
    return new ContentSummaryInfo(acc[0], acc[1], acc[2], acc[3], q == null ? -1 : q.nsQuota(),
        q == null ? -1 : q.ssQuota());
  }
}
