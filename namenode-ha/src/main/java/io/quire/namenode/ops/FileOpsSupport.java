package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.permission.FsAction;

/** Lookups shared by the file operations, with HDFS's errors. */
final class FileOpsSupport {
  private FileOpsSupport() {}

  /** The file at {@code path} after traverse and {@code access} checks. */
  static InodeFile file(OpContext ctx, String path, String op, FsAction access)
      throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(path, op);
    PermissionChecker pc = ctx.checker();
    pc.checkTraverse(p, p.depth());
    Inode i = p.last();
    if (i == null) {
      throw new FileNotFoundException(op + ": File does not exist: " + p.path());
    }
    if (!(i instanceof InodeFile f)) {
      throw new FileNotFoundException(op + ": Path is not a file: " + p.path());
    }
    if (access != FsAction.NONE) {
      pc.check(f, access);
    }
    return f;
  }

  /**
   * The file a writer names (by inode id when given, else by path), checked for permissions
   * and then to be open by {@code clientName} of the caller ({@link WriterAccess}).
   */
  static InodeFile fileUnderConstruction(OpContext ctx, String path, long fileId,
      String clientName, String op) throws IOException {
    Inode i = fileId > 0 ? ctx.state().tree().getById(fileId)
        : ctx.state().tree().resolve(path, op).last();
    if (!(i instanceof InodeFile f)) {
      throw new FileNotFoundException(op + ": File does not exist: " + path
          + (fileId > 0 ? " (inode " + fileId + ")" : ""));
    }
    WriterAccess.checkAccess(ctx, f, op);
    WriterAccess.checkLease(ctx, f, clientName, op);
    return f;
  }
}
