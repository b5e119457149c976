package io.quire.namenode.ops;

import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.protocol.exceptions.LeaseExpiredException;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * The checks of the writer calls on an open file (addBlock, abandonBlock, complete, fsync,
 * getAdditionalDataNodes, updateBlockForPipeline, updatePipeline), permissions first:
 * <ol>
 *   <li>traverse (x) on every directory above the file, and write on the file unless the
 *       caller owns it (an owner may always chmod, and keeps writing a file it created
 *       read-only, as POSIX open(O_CREAT, 0444));
 *   <li>the lease: the client name and the user it belongs to ({@link InodeFile#getLeaseUser})
 *       must both match; the NameNode's own recovery holder is no client's.
 * </ol>
 * Neither refusal names the lease holder, the file's real path (the caller may have named it
 * by inode or block id) or its blocks: the message carries only what the caller sent.
 */
final class WriterAccess {
  private WriterAccess() {}

  /**
   * @param op the operation and what the caller named (path or block), for the message
   * @throws AccessControlException when the caller may not write {@code f}
   */
  static void checkAccess(OpContext ctx, InodeFile f, String op)
      throws AccessControlException {
    PermissionChecker pc = ctx.checker();
    ResolvedPath p = ctx.state().tree().resolve(f.getFullPath(), op);
    FsAction access = FsAction.EXECUTE;
    try {
      pc.checkTraverse(p, p.depth());
      if (!pc.caller().user().equals(f.getOwner())) {
        access = FsAction.WRITE;
        pc.check(f, FsAction.WRITE);
      }
    } catch (AccessControlException e) {
      throw new AccessControlException(op + ": Permission denied: user=" + pc.caller().user()
          + ", access=" + access + (access == FsAction.EXECUTE ? " on the file's ancestors"
          : " on the file"));
    }
  }

  /** Whether {@code clientName} of {@code user} holds the lease of {@code f}. */
  static boolean holdsLease(InodeFile f, String clientName, String user) {
    return f.isUnderConstruction() && f.getClientName().equals(clientName)
        && !LeaseRecoveryOps.RECOVERY_HOLDER.equals(clientName)
        && (f.getLeaseUser() == null || f.getLeaseUser().equals(user));
  }

  /**
   * @throws LeaseExpiredException when the caller's client name and user do not hold the lease
   *     (the same answer whether the file is closed, open by another client, or open by this
   *     client name under another user)
   */
  static void checkLease(OpContext ctx, InodeFile f, String clientName, String op)
      throws LeaseExpiredException {
    if (!holdsLease(f, clientName, ctx.checker().caller().user())) {
      throw new LeaseExpiredException(op + ": the file is not open for writing by this client"
          + " (no lease for its client name and user)");
    }
  }
}
