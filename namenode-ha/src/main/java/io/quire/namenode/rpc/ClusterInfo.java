package io.quire.namenode.rpc;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.metrics.ClusterHealthCollector;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * Cluster-wide figures (getStats) and client reports of bad replicas.
 *
 * <p>A client may report bad replicas only of blocks it may read: traverse access to the file's
 * ancestors and read access to the file (clients report what they read). HDFS checks nothing
 * beyond authentication here; Quire refuses a caller without read access, so a user cannot
 * get good replicas of someone else's private file deleted. The whole report is checked before
 * any replica is marked; blocks the NameNode does not know are ignored (as HDFS).
 */
final class ClusterInfo {
  private final Namesystem ns;
  private final CallerResolver callers;

  ClusterInfo(Namesystem ns, CallerResolver callers) {
    this.ns = ns;
    this.callers = callers;
  }

  FsStats getStats() throws IOException {
    ClusterHealth h = ClusterHealthCollector.collect(ns);
    return new FsStats(h.getCapacity(), h.getUsed(), h.getRemaining(),
        h.getUnderReplicatedBlocks(), h.getCorruptBlocks(), h.getMissingBlocks());
  }

  void reportBadBlocks(List<LocatedBlock> blocks) throws IOException {
    PermissionChecker pc = new PermissionChecker(callers.current(),
        ns.getOptions().permissionsEnabled());
    ns.updateVolatileState(() -> {
      for (LocatedBlock lb : blocks) {
        BlockInfo b = ns.getBlockManager().getBlockMap().get(lb.getBlock().getBlockId());
        if (b != null && !b.isDeleted()) {
          checkRead(pc, InodeFile.of(b), lb);
        }
      }
      for (LocatedBlock lb : blocks) {
        for (DataNodeInfo loc : lb.getLocations()) {
          DataNodeDescriptor d = ns.getDataNodeManager().get(loc.getUuid());
          if (d != null) {
            ns.getBlockReports().markCorrupt(lb.getBlock(), d);
          }
        }
      }
      return null;
    });
  }

  /** The refusal names only the block the caller sent, not the file it belongs to. */
  private void checkRead(PermissionChecker pc, InodeFile f, LocatedBlock lb)
      throws IOException {
    String op = "reportBadBlocks " + lb.getBlock();
    try {
      ResolvedPath p = ns.getState().tree().resolve(f.getFullPath(), op);
      pc.checkTraverse(p, p.depth());
      pc.check(f, FsAction.READ);
    } catch (AccessControlException e) {
      throw new AccessControlException(op + ": Permission denied: user=" + pc.caller().user()
          + " may not read the file of this block");
    }
  }
}
