package io.quire.namenode.testing;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.leases.Lease;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.ops.LastAllocatedIds;
import io.quire.namenode.ops.NamespaceState;

/** Text dumps of what records decide, to compare two namesystems (call under the lock). */
public final class StateDump {
  private StateDump() {}

  /**
   * The journaled state: every inode with its attributes, every block of every file (id,
   * stamp, length, state, recovery id, truncating), the open files' leases, the counters.
   */
  public static String journaled(NamespaceState s) {
    StringBuilder sb = new StringBuilder();
    io.quire.namenode.namespace.Subtree.preOrder(s.tree().getRoot(),
        i -> inode(s, i, i.getFullPath(), sb));
    LastAllocatedIds c = s.lastIds();
    sb.append("counters ").append(c.getLastInodeId()).append(' ').append(c.getLastBlockId())
        .append(' ').append(c.getLastGenerationStamp()).append('\n');
    sb.append("leases ").append(s.leases().size()).append(" blocks ").append(s.blocks().size());
    return sb.toString();
  }

  /** The ACL entries and extended attributes (names and hex values), when the inode has any. */
  private static void features(Inode i, StringBuilder sb) {
    io.quire.namenode.namespace.InodeFeatures f = i.getFeatures();
    if (f == null) {
      return;
    }
    if (f.acl() != null) {
      sb.append(" acl=").append(f.acl());
    }
    for (int k = 0; k < f.xattrCount(); k++) {
      byte[] v = f.xattrValue(k);
      sb.append(' ').append(f.xattrName(k)).append('=')
          .append(v == null ? "null" : java.util.HexFormat.of().formatHex(v));
    }
  }

  private static void inode(NamespaceState s, Inode i, String path, StringBuilder sb) {
    sb.append(path).append(' ').append(i.getId()).append(' ').append(i.getPermission())
        .append(' ').append(i.getOwner()).append(':').append(i.getGroup()).append(' ')
        .append(i.getModificationTime()).append(' ').append(i.getAccessTime());
    features(i, sb);
    if (i instanceof InodeFile f) {
      sb.append(" r=").append(f.getReplication()).append(" uc=").append(f.getClientName());
      if (f.isUnderConstruction()) {
        Lease l = s.leases().get(f.getClientName());
        sb.append(" leased=").append(l != null && l.getFileIds().contains(f.getId()));
        sb.append(" user=").append(f.getLeaseUser());
      }
      for (BlockInfo b : f.getBlocks()) {
        sb.append("\n  ").append(b.getBlockId()).append('_').append(b.getGenerationStamp())
            .append(' ').append(b.getNumBytes()).append("B ").append(b.getState())
            .append(" recovery=").append(b.getRecoveryId()).append(" truncating=")
            .append(b.isTruncating()).append(" in-map=")
            .append(s.blocks().get(b.getBlockId()) == b);
      }
      sb.append('\n');
    } else {
      sb.append('\n');
    }
  }
}
