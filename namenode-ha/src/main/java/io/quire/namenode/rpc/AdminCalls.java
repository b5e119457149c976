package io.quire.namenode.rpc;

import io.quire.namenode.blocks.BlockHealthReport;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.metrics.ClusterHealthCollector;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.exceptions.UnknownDataNodeException;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.FileBlockHealth;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.PathIsDirectoryException;

/**
 * The administrative ClientProtocol calls: setDecommission (superuser), getBlockHealth (fsck;
 * traverse access to the path, as getFileInfo) and getClusterHealth (admin report).
 */
final class AdminCalls {
  private final Namesystem ns;
  private final CallerResolver callers;

  AdminCalls(Namesystem ns, CallerResolver callers) {
    this.ns = ns;
    this.callers = callers;
  }

  void setDecommission(String datanode, boolean decommission) throws IOException {
    String op = "setDecommission " + datanode;
    new PermissionChecker(callers.current(), true).checkSuperUser(op);
    ns.updateVolatileState(() -> {
      DataNodeDescriptor d = ns.getDataNodeManager().find(datanode);
      if (d == null) {
        throw new UnknownDataNodeException(op + ": no DataNode with this UUID or data address"
            + " is registered");
      }
      ns.getDecommission().setDecommission(d, decommission);
      return null;
    });
  }

  FileBlockHealth getBlockHealth(String path) throws IOException {
    return ns.read(() -> {
      ResolvedPath p = ns.getState().tree().resolve(path, "getBlockHealth");
      new PermissionChecker(callers.current(), ns.getOptions().permissionsEnabled())
          .checkTraverse(p, p.depth());
      Inode i = p.last();
      if (i == null) {
        throw new FileNotFoundException("getBlockHealth " + p.path() + ": no such file");
      }
      if (!(i instanceof InodeFile f)) {
        throw new PathIsDirectoryException(p.path());
      }
      return BlockHealthReport.of(ns.getBlockManager(), f, p.path());
    });
  }

  ClusterHealth getClusterHealth() throws IOException {
    return ClusterHealthCollector.collect(ns);
  }
}
