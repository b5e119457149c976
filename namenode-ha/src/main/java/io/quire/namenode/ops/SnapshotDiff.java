package io.quire.namenode.ops;

import io.quire.namenode.namespace.DirectoryCopy;
import io.quire.namenode.namespace.FileCopy;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeAttributes;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.Snapshot;
import io.quire.namenode.namespace.SnapshotCopy;
import io.quire.protocol.types.SnapshotDiffEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between two states of a snapshottable directory (two snapshots, or a
 * snapshot and the current tree), as HDFS's snapshot diff report lists it: for each changed
 * directory "M dir" followed by its created ("+"), deleted ("-") and renamed-away ("R a -> b")
 * children; a changed file "M file". Inodes are matched by id, so a rename is told from a
 * delete and a create. Only the top of a created or deleted subtree is listed. Costs a walk of
 * both trees (read lock).
 */
final class SnapshotDiff {
  /** One inode in one state: its attributes, parent id and relative path. */
  private record Node(InodeAttributes attrs, long parentId, String path) {}

  private SnapshotDiff() {}

  /** {@code from}/{@code to}: a snapshot, or null for the current tree of {@code dir}. */
  static List<SnapshotDiffEntry> diff(InodeDirectory dir, Snapshot from, Snapshot to) {
    Map<Long, Node> a = index(from == null ? dir : from.root());
    Map<Long, Node> b = index(to == null ? dir : to.root());
    List<SnapshotDiffEntry> out = new ArrayList<>();
    List<Node> order = new ArrayList<>(b.values());
    order.sort((x, y) -> x.path().compareTo(y.path()));
    // directories changed in "to" (or holding changes), in path order
    for (Node n : order) {
      Node old = a.get(n.attrs().getId());
      if (old == null) {
        continue;
      }
      if (!n.attrs().isDirectory()) {
        if (!sameFile(old.attrs(), n.attrs()) && n.parentId() == old.parentId()
            && n.attrs().getName().equals(old.attrs().getName())) {
          out.add(new SnapshotDiffEntry("M", n.path(), null));
        }
        continue;
      }
      List<SnapshotDiffEntry> children = new ArrayList<>();
      long id = n.attrs().getId();
      for (Node c : childrenOf(b, id)) {
        Node was = a.get(c.attrs().getId());
        if (was == null) {
          children.add(new SnapshotDiffEntry("+", c.path(), null));
        }
      }
      for (Node c : childrenOf(a, id)) {
        Node now = b.get(c.attrs().getId());
        if (now == null) {
          children.add(new SnapshotDiffEntry("-", c.path(), null));
        } else if (!now.path().equals(c.path())) {
          children.add(new SnapshotDiffEntry("R", c.path(), now.path()));
        }
      }
      boolean attrsChanged = !sameAttributes(old.attrs(), n.attrs(), false);
      if (attrsChanged || !children.isEmpty()) {
        out.add(new SnapshotDiffEntry("M", n.path(), null));
        out.addAll(children);
      }
    }
    return out;
  }

  private static List<Node> childrenOf(Map<Long, Node> nodes, long parentId) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (n.parentId() == parentId && !n.path().isEmpty()) {
        out.add(n);
      }
    }
    out.sort((x, y) -> x.path().compareTo(y.path()));
    return out;
  }

  private static Map<Long, Node> index(Object root) {
    Map<Long, Node> out = new HashMap<>();
    List<Node> stack = new ArrayList<>();
    Node top = new Node((InodeAttributes) root, -1, "");
    stack.add(top);
    while (!stack.isEmpty()) {
      Node n = stack.remove(stack.size() - 1);
      out.put(n.attrs().getId(), n);
      String prefix = n.path().isEmpty() ? "" : n.path() + "/";
      if (n.attrs() instanceof InodeDirectory d) {
        for (Inode c : d.getChildren()) {
          stack.add(new Node(c, d.getId(), prefix + c.getName()));
        }
      } else if (n.attrs() instanceof DirectoryCopy d) {
        for (int k = 0; k < d.childCount(); k++) {
          SnapshotCopy c = d.child(k);
          stack.add(new Node(c, d.getId(), prefix + c.getName()));
        }
      }
    }
    return out;
  }

  /**
   * Permission, owner, group, ACL (and for a file its modification time: a directory's follows
   * its children, whose changes are listed themselves).
   */
  private static boolean sameAttributes(InodeAttributes x, InodeAttributes y, boolean times) {
    return x.getPermission() == y.getPermission() && x.getOwner().equals(y.getOwner())
        && x.getGroup().equals(y.getGroup())
        && (!times || x.getModificationTime() == y.getModificationTime())
        && Objects.equals(x.getAcl(), y.getAcl());
  }

  private static boolean sameFile(InodeAttributes x, InodeAttributes y) {
    return sameAttributes(x, y, true) && Arrays.equals(fileShape(x), fileShape(y));
  }

  /** Length, replication and block ids of a file in either state. */
  private static long[] fileShape(InodeAttributes a) {
    if (a instanceof FileCopy f) {
      long[] s = new long[2 + f.blockCount()];
      s[0] = f.length();
      s[1] = f.getReplication();
      for (int k = 0; k < f.blockCount(); k++) {
        s[2 + k] = f.block(k).getBlockId();
      }
      return s;
    }
    InodeFile f = (InodeFile) a;
    long[] s = new long[2 + f.getBlocks().size()];
    s[0] = f.computeLength();
    s[1] = f.getReplication();
    for (int k = 0; k < f.getBlocks().size(); k++) {
      s[2 + k] = f.getBlocks().get(k).getBlockId();
    }
    return s;
  }
}
