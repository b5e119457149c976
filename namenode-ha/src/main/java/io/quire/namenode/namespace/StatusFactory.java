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

  /** Status of a snapshot copy at {@code path} (under {@code .snapshot}). */
  public static InodeStatus status(SnapshotCopy c, String path) {
    if (c instanceof FileCopy f) {
      long len = f.length();
      BlockInfo last = f.blockCount() == 0 ? null : f.block(f.blockCount() - 1);
      String etag = Long.toHexString(f.getId()) + '-'
          + Long.toHexString(last == null ? 0 : last.getBlockId()) + "-s-" + Long.toHexString(len);
      return new InodeStatus(path, f.getId(), false, len, f.getReplication(),
          f.getPreferredBlockSize(), f.getModificationTime(), f.getAccessTime(),
          f.getPermission(), f.getOwner(), f.getGroup(), 0, false, etag, f.getAcl() != null);
    }
    DirectoryCopy d = (DirectoryCopy) c;
    return new InodeStatus(path, d.getId(), true, 0, (short) 0, 0, d.getModificationTime(),
        d.getAccessTime(), d.getPermission(), d.getOwner(), d.getGroup(), d.childCount(), false,
        "", d.getAcl() != null);
  }

  /**
   * Status of {@code <dir>/.snapshot} itself, as HDFS answers it: a directory with no owner or
   * group, permission 0777 and times 0 (no inode stands behind it).
   */
  public static InodeStatus dotSnapshotStatus(InodeDirectory dir, String path) {
    return new InodeStatus(path, dir.getId(), true, 0, (short) 0, 0, 0, 0, (short) 0777, "", "",
        dir.getSnapshots().size(), false, "", false);
  }

  /** Summary of a snapshot copy's tree (lengths as the snapshot holds them). */
  public static ContentSummaryInfo summary(SnapshotCopy root) {
    if (root instanceof FileCopy f) {
      return new ContentSummaryInfo(f.length(), 1, 0, f.length() * f.getReplication());
    }
    long[] acc = new long[4];
    acc[2] = 1;
    SnapshotFreezer.walk((DirectoryCopy) root, c -> {
      if (c instanceof FileCopy f) {
        acc[0] += f.length();
        acc[1]++;
        acc[3] += f.length() * f.getReplication();
      } else {
        acc[2]++;
      }
    });
    return new ContentSummaryInfo(acc[0], acc[1], acc[2], acc[3]);
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
