package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord.Rename;
import io.quire.protocol.types.RenameMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * Rename with HDFS semantics. INTO_DIRECTORY (FileSystem.rename): an existing directory at dst
 * receives src under its own name; NO_OVERWRITE/OVERWRITE (rename2): dst is the final name, and
 * OVERWRITE replaces an existing file or empty directory of the same kind. The record carries
 * the final destination.
 */
public final class RenameOp {
  private final OpContext ctx;

  public RenameOp(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Void> rename(String src, String dst, RenameMode mode) throws IOException {
    ResolvedPath s = ctx.state().tree().resolve(src, "rename");
    ResolvedPath d = ctx.state().tree().resolve(dst, "rename");
    String op = "rename " + s.path() + " to " + d.path();
    PermissionChecker pc = ctx.checker();
    pc.checkTraverse(s, s.depth());
    if (s.isRoot()) {
      throw new IOException(op + ": the root directory cannot be renamed");
    }
    Inode srcInode = s.last();
    if (srcInode == null) {
      throw new FileNotFoundException(op + ": source " + s.path() + " does not exist");
    }
    pc.checkTraverse(d, d.depth());
    if (mode == RenameMode.INTO_DIRECTORY && d.last() instanceof InodeDirectory
        && d.last() != srcInode) {
      d = ctx.state().tree().resolve(d.isRoot() ? "/" + s.name() : d.path() + "/" + s.name(),
          "rename");
    }
    ReservedPaths.checkNotReserved(d.path(), op); // INTO_DIRECTORY "/" of a ".reserved"
    if (d.path().equals(s.path())) {
      if (srcInode.isDirectory() || mode != RenameMode.INTO_DIRECTORY) {
        throw new FileAlreadyExistsException(op + ": source and destination are the same");
      }
      return OpResult.none(null);
    }
    if (d.path().startsWith(s.path() + "/")) {
      throw new IOException(op + ": destination is a descendant of the source");
    }
    Inode dstParent = d.parent();
    if (dstParent == null) {
      throw new FileNotFoundException(op + ": destination parent of " + d.path()
          + " does not exist");
    }
    if (!dstParent.isDirectory()) {
      throw new ParentNotDirectoryException(op + ": destination parent "
          + dstParent.getFullPath() + " is a file, not a directory");
    }
    Inode existing = d.last();
    if (existing != null) {
      checkReplace(op, d.path(), srcInode, existing, mode);
      SnapshotChecks.checkNoSnapshotsBelow(ctx.state(), existing);
    }
    SnapshotChecks.checkNoSnapshotsBelow(ctx.state(), srcInode);
    SnapshotChecks.checkNotNested(ctx.state(), srcInode, dstParent, s.path(), d.path());
    pc.check(s.parent(), FsAction.WRITE_EXECUTE);
    pc.checkSticky(s.parent(), srcInode);
    pc.check(dstParent, FsAction.WRITE_EXECUTE);
    if (existing != null) {
      pc.checkSticky(dstParent, existing);
    }
    FsLimits.checkNewPath(op, d, d.depth() - 1, ctx.options());
    if (existing == null && dstParent != s.parent()) {
      FsLimits.checkDirectoryItems(op, dstParent, ctx.options());
    }
    if (dstParent != s.parent()) {
      long[] moved = Usage.of(srcInode);
      QuotaCheck quota = new QuotaCheck().add((InodeDirectory) dstParent, moved[0], moved[1]);
      if (existing != null) {
        long[] replaced = Usage.of(existing);
        quota.add((InodeDirectory) dstParent, -replaced[0], -replaced[1]);
      }
      quota.add((InodeDirectory) s.parent(), -moved[0], -moved[1]).verify();
    }
    return OpResult.of(new Rename(s.path(), d.path(), ctx.now()), null);
  }

  private static void checkReplace(String op, String dst, Inode src, Inode existing,
      RenameMode mode) throws IOException {
    if (mode != RenameMode.OVERWRITE) {
      throw new FileAlreadyExistsException(op + ": destination " + dst + " already exists");
    }
    if (existing.isDirectory() != src.isDirectory()) {
      throw new IOException(op + ": source is a " + kind(src) + " but destination " + dst
          + " is a " + kind(existing));
    }
    if (existing instanceof InodeDirectory dir && dir.getChildrenCount() > 0) {
      throw new IOException(op + ": destination " + dst + " is a non-empty directory");
    }
  }

  private static String kind(Inode i) {
    return i.isDirectory() ? "directory" : "file";
  }
}
