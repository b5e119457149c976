package io.quire.namenode.ops;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.namespace.AclTransformation;
import io.quire.namenode.namespace.Acls;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.records.EditRecord.SetAcl;
import io.quire.protocol.exceptions.AclException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The ACL operations (HDFS's FSDirAclOp): each needs the owner (or the superuser), computes the
 * new full ACL with {@link AclTransformation} and journals one SET_ACL record with the stored
 * form ({@link Acls}); getAclStatus needs traverse access only. All refuse with AclException
 * when {@code quire.namenode.acls.enabled} is false.
 */
public final class AclOps {
  private final OpContext ctx;

  public AclOps(OpContext ctx) {
    this.ctx = ctx;
  }

  /** How an operation turns the current full ACL into the new one. */
  @FunctionalInterface
  private interface Change {
    List<AclEntry> apply(Inode i, List<AclEntry> current) throws AclException;
  }

  public OpResult<Void> modifyAclEntries(String path, List<AclEntry> spec) throws IOException {
    checkPermissionsGiven(spec, "modifyAclEntries " + path);
    return change(path, "modifyAclEntries", (i, acl) -> AclTransformation.merge(acl, spec));
  }

  public OpResult<Void> removeAclEntries(String path, List<AclEntry> spec) throws IOException {
    return change(path, "removeAclEntries", (i, acl) -> AclTransformation.filter(acl, spec));
  }

  public OpResult<Void> removeDefaultAcl(String path) throws IOException {
    return change(path, "removeDefaultAcl", (i, acl) -> AclTransformation.dropDefaults(acl));
  }

  public OpResult<Void> removeAcl(String path) throws IOException {
    Inode i = owned(path, "removeAcl");
    Acls.Stored s = Acls.removed(i);
    if (i.getAcl() == null) {
      return OpResult.none(null);
    }
    return OpResult.of(new SetAcl(i.getFullPath(), s.permission(), s.entries()), null);
  }

  public OpResult<Void> setAcl(String path, List<AclEntry> spec) throws IOException {
    checkPermissionsGiven(spec, "setAcl " + path);
    return change(path, "setAcl", (i, acl) -> AclTransformation.replace(acl, spec));
  }

  public AclStatus getAclStatus(String path) throws IOException {
    checkEnabled("getAclStatus");
    io.quire.namenode.namespace.InodeAttributes i;
    if (io.quire.namenode.namespace.SnapshotPaths.mentions(path)) {
      // the ACL the snapshot holds (traverse checked on the live path and the copies)
      SnapshotReads.Target t = new SnapshotReads(ctx).resolve(path, "getAclStatus",
          ctx.checker());
      if (t.copy() == null) {
        throw new java.io.FileNotFoundException("getAclStatus " + t.path()
            + ": no such file or directory");
      }
      i = t.copy();
    } else {
      i = resolve(path, "getAclStatus").last();
    }
    List<AclEntry> stored = i.getAcl();
    FsPermission perm = new FsPermission(i.getPermission());
    return new AclStatus.Builder().owner(i.getOwner()).group(i.getGroup())
        .stickyBit(perm.getStickyBit()).setPermission(perm)
        .addEntries(stored == null ? List.of() : stored).build();
  }

  private OpResult<Void> change(String path, String op, Change c) throws IOException {
    Inode i = owned(path, op);
    List<AclEntry> acl = c.apply(i, Acls.logical(i));
    Acls.Stored s;
    try {
      s = Acls.store(i, acl);
    } catch (AclException e) {
      throw new AclException(e.getMessage() + " (" + op + " " + i.getFullPath() + ")");
    }
    return OpResult.of(new SetAcl(i.getFullPath(), s.permission(), s.entries()), null);
  }

  private Inode owned(String path, String op) throws IOException {
    checkEnabled(op);
    ReservedPaths.checkNotReserved(path, op);
    ResolvedPath p = resolve(path, op);
    ctx.checker().checkOwner(p.last());
    return p.last();
  }

  private ResolvedPath resolve(String path, String op) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(
        ReservedPaths.toCurrentPath(ctx.state().tree(), path, op), op);
    PermissionChecker pc = ctx.checker();
    pc.checkTraverse(p, p.depth());
    if (!p.exists()) {
      throw new FileNotFoundException(op + " " + p.path() + ": no such file or directory");
    }
    return p;
  }

  /** Entries that add or replace need a permission (only removeAclEntries names without). */
  private static void checkPermissionsGiven(List<AclEntry> spec, String op)
      throws AclException {
    for (AclEntry e : spec) {
      if (e.getPermission() == null) {
        throw new AclException("Invalid ACL: entry " + e + " has no permission (" + op + ")");
      }
    }
  }

  private void checkEnabled(String op) throws AclException {
    if (!ctx.options().aclsEnabled()) {
      throw new AclException("The ACL operation has been rejected. Support for ACLs has been"
          + " disabled by setting " + NameNodeConfigKeys.ACLS_ENABLED_KEY + " to false ("
          + op + ")");
    }
  }
}
