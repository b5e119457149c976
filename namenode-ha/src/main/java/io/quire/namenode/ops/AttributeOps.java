package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord.SetOwner;
import io.quire.namenode.records.EditRecord.SetPermission;
import io.quire.namenode.records.EditRecord.SetReplication;
import io.quire.namenode.records.EditRecord.SetTimes;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * setPermission, setOwner, setTimes, setReplication. Permission changes need the owner (or the
 * superuser); changing the owner needs the superuser; the owner may change the group to one of
 * their own groups; times and replication need write access.
 */
public final class AttributeOps {
  private final OpContext ctx;

  public AttributeOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Void> setPermission(String path, short permission) throws IOException {
    Target t = target(path, "setPermission");
    t.checker.checkOwner(t.inode);
    return OpResult.of(new SetPermission(t.path, (short) (permission & 01777)), null);
  }

  public OpResult<Void> setOwner(String path, String owner, String group) throws IOException {
    Target t = target(path, "setOwner");
    PermissionChecker pc = t.checker;
    if (ctx.options().permissionsEnabled() && !pc.isSuperUser()) {
      pc.checkOwner(t.inode);
      if (owner != null && !owner.equals(t.inode.getOwner())) {
        throw new AccessControlException("setOwner " + t.path + ": user "
            + pc.caller().user() + " may not change the owner (superuser only)");
      }
      if (group != null && !pc.caller().groups().contains(group)) {
        throw new AccessControlException("setOwner " + t.path + ": user "
            + pc.caller().user() + " does not belong to group " + group);
      }
    }
    return OpResult.of(new SetOwner(t.path, owner, group), null);
  }

  public OpResult<Void> setTimes(String path, long mtime, long atime) throws IOException {
    Target t = target(path, "setTimes");
    if (!t.checker.isSuperUser() && !t.checker.caller().user().equals(t.inode.getOwner())) {
      t.checker.check(t.inode, FsAction.WRITE);
    }
    return OpResult.of(new SetTimes(t.path, mtime, atime), null);
  }

  public OpResult<Boolean> setReplication(String path, short replication) throws IOException {
    Target t = target(path, "setReplication");
    if (!(t.inode instanceof InodeFile f)) {
      return OpResult.none(false);
    }
    t.checker.check(f, FsAction.WRITE);
    ReplicationLimits.check("setReplication " + t.path, replication, ctx.options());
    if (f.getReplication() == replication) {
      return OpResult.none(true);
    }
    QuotaCheck.verify(f.getParent(), 0,
        Usage.fileBytes(f) * (replication - f.getReplication()));
    return OpResult.of(new SetReplication(t.path, replication), true);
  }

  private record Target(String path, Inode inode, PermissionChecker checker) {}

  private Target target(String path, String op) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(path, op);
    PermissionChecker pc = ctx.checker();
    pc.checkTraverse(p, p.depth());
    if (!p.exists()) {
      throw new FileNotFoundException(op + " " + p.path() + ": no such file or directory");
    }
    return new Target(p.path(), p.last(), pc);
  }
}
