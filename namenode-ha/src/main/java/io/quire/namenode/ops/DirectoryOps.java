package io.quire.namenode.ops;

import io.quire.namenode.namespace.Acls;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.PathNames;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.Subtree;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.Delete;
import io.quire.namenode.records.EditRecord.Mkdir;
import io.quire.namenode.records.EditRecord.SetAcl;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/** mkdirs and delete: validation into records, with HDFS's checks and errors. */
public final class DirectoryOps {
  private final OpContext ctx;

  public DirectoryOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Boolean> mkdirs(String path, short permission, boolean createParent)
      throws IOException {
    return mkdirs(path, permission, (short) -1, createParent);
  }

  /**
   * @param unmasked the permission before the client's umask (-1: not sent), the mode of new
   *     directories under a default ACL ({@link NewInodeModes})
   */
  public OpResult<Boolean> mkdirs(String path, short permission, short unmasked,
      boolean createParent) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(path, "mkdirs");
    PermissionChecker pc = ctx.checker();
    int existing = p.lastExistingDepth();
    pc.checkTraverse(p, existing + 1);
    Inode deepest = p.inode(existing);
    if (!deepest.isDirectory()) {
      if (existing == p.depth()) {
        throw new FileAlreadyExistsException("mkdirs " + p.path() + ": path is a file");
      }
      throw new ParentNotDirectoryException("mkdirs " + p.path() + ": parent path "
          + deepest.getFullPath() + " is a file, not a directory");
    }
    if (existing == p.depth()) {
      return OpResult.none(true);
    }
    if (!createParent && existing < p.depth() - 1) {
      throw new FileNotFoundException("mkdirs " + p.path() + ": parent "
          + PathNames.parent(p.path()) + " does not exist");
    }
    pc.check(deepest, FsAction.WRITE_EXECUTE);
    String op = "mkdirs " + p.path();
    FsLimits.checkNewPath(op, p, existing, ctx.options());
    FsLimits.checkDirectoryItems(op, deepest, ctx.options());
    QuotaCheck.verify((InodeDirectory) deepest, p.depth() - existing, 0);
    long id = ctx.state().lastIds().getLastInodeId();
    long now = ctx.now();
    String user = pc.caller().user();
    String group = deepest.getGroup();
    List<EditRecord> records = new ArrayList<>(p.depth() - existing);
    NewInodeModes modes = new NewInodeModes(deepest.getAcl());
    for (int d = existing + 1; d <= p.depth(); d++) {
      short perm = d == p.depth() ? permission : (short) (permission | 0300);
      Acls.Stored s = modes.next(perm, unmasked, true);
      String dir = PathNames.join(p.components(), d);
      records.add(new Mkdir(++id, dir, s.permission(), user, group, now));
      if (!s.entries().isEmpty()) {
        records.add(new SetAcl(dir, s.permission(), s.entries()));
      }
    }
    return OpResult.of(records, true);
  }

  public OpResult<Boolean> delete(String path, boolean recursive) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(path, "delete");
    PermissionChecker pc = ctx.checker();
    pc.checkTraverse(p, p.depth());
    Inode i = p.last();
    if (i == null) {
      return OpResult.none(false);
    }
    if (i instanceof InodeDirectory d && d.getChildrenCount() > 0 && !recursive) {
      throw new PathIsNotEmptyDirectoryException("delete " + p.path()
          + ": directory is not empty");
    }
    if (p.isRoot()) {
      return OpResult.none(false);
    }
    pc.check(p.parent(), FsAction.WRITE_EXECUTE);
    pc.checkSticky(p.parent(), i);
    if (i instanceof InodeDirectory d && !pc.isSuperUser() && ctx.options().permissionsEnabled()) {
      checkSubtreeAccess(pc, d);
    }
    SnapshotChecks.checkNoSnapshotsBelow(ctx.state(), i);
    return OpResult.of(new Delete(p.path(), ctx.now()), true);
  }

  /** Deleting a tree needs rwx on every directory in it (as HDFS's subAccess=ALL). */
  private static void checkSubtreeAccess(PermissionChecker pc, InodeDirectory d)
      throws AccessControlException {
    Subtree.preOrder(d, i -> {
      if (i instanceof InodeDirectory sub && sub.getChildrenCount() > 0) {
        pc.check(sub, FsAction.ALL);
      }
    });
  }
}
