package io.quire.namenode.ops;

import io.quire.namenode.namespace.DirectoryQuota;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord.SetQuota;
import io.quire.protocol.types.QuotaValues;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.PathIsNotDirectoryException;
import org.apache.hadoop.fs.QuotaUsage;
import org.apache.hadoop.security.AccessControlException;

/**
 * setQuota and getQuotaUsage with HDFS's rules (FSDirAttrOp#setQuota,
 * FSDirStatAndListingOp#getQuotaUsage): the superuser only; -1 clears a quota and
 * Long.MAX_VALUE leaves it unchanged, other negative values are refused; a quota below the
 * current usage is accepted (later changes that would grow the usage are refused). The root's
 * quotas may be cleared as on HDFS 3.4 (it keeps counting). The record carries the final
 * values.
 */
public final class QuotaOps {
  private final OpContext ctx;

  public QuotaOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Void> setQuota(String path, long nsQuota, long ssQuota) throws IOException {
    PermissionChecker pc = ctx.checker();
    if (!pc.isSuperUser()) {
      throw new AccessControlException("Access denied for user " + pc.caller().user()
          + ". Superuser privilege is required for operation setQuota");
    }
    if (!valid(nsQuota) || !valid(ssQuota)) {
      throw new IllegalArgumentException("Illegal value for nsQuota or ssQuota : " + nsQuota
          + " and " + ssQuota);
    }
    ReservedPaths.checkNotReserved(path, "setQuota");
    ResolvedPath p = ctx.state().tree().resolve(path, "setQuota");
    Inode i = p.last();
    if (i == null) {
      throw new FileNotFoundException("Directory does not exist: " + p.path());
    }
    if (!(i instanceof InodeDirectory d)) {
      throw new PathIsNotDirectoryException(p.path());
    }
    DirectoryQuota q = d.getQuota();
    long oldNs = q == null ? -1 : q.nsQuota();
    long oldSs = q == null ? -1 : q.ssQuota();
    long ns = nsQuota == QuotaValues.DONT_SET ? oldNs : nsQuota;
    long ss = ssQuota == QuotaValues.DONT_SET ? oldSs : ssQuota;
    if (ns == oldNs && ss == oldSs) {
      return OpResult.none(null);
    }
    return OpResult.of(new SetQuota(p.path(), ns, ss), null);
  }

  private static boolean valid(long quota) {
    return quota >= 0 || quota == QuotaValues.RESET;
  }

  /**
   * A directory with a quota answers its counters; any other path what is below it, counted
   * now, with quotas -1 (as HDFS).
   */
  public QuotaUsage getQuotaUsage(String path) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(
        ReservedPaths.toCurrentPath(ctx.state().tree(), path, "getQuotaUsage"), "getQuotaUsage");
    ctx.checker().checkTraverse(p, p.depth());
    Inode i = p.last();
    if (i == null) {
      throw new FileNotFoundException("File does not exist: " + p.path());
    }
    DirectoryQuota q = i instanceof InodeDirectory d ? d.getQuota() : null;
    long[] used = Usage.of(i);
    return new QuotaUsage.Builder().fileAndDirectoryCount(used[0])
        .quota(q == null ? -1 : q.nsQuota()).spaceConsumed(used[1])
        .spaceQuota(q == null ? -1 : q.ssQuota()).build();
  }
}
