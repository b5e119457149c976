package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What inodes count against quotas, with HDFS's rules, and the incremental upkeep of the
 * counters of directories with a quota ({@link DirectoryQuota}).
 * <ul>
 *   <li>name: 1 per file and per directory;</li>
 *   <li>space: per file, its replication times the sum of its blocks, a block counted at its
 *       length once committed (COMMITTED or COMPLETE) and at the file's preferred block size
 *       before (under construction or recovery), as HDFS charges a block when it is allocated
 *       and corrects the charge when the writer commits it.</li>
 * </ul>
 * Appliers call {@link #charge} with the change of the inodes they add, remove or change; it
 * walks up the ancestors (path depth, never the tree) and updates every quota directory.
 */
public final class Usage {
  private Usage() {}

  /** Space a file uses: replication x (committed lengths + preferred size per open block). */
  public static long fileSpace(InodeFile f) {
    return fileBytes(f) * f.getReplication();
  }

  /** One replica's worth of {@link #fileSpace}. */
  public static long fileBytes(InodeFile f) {
    long bytes = 0;
    List<BlockInfo> blocks = f.getBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      BlockInfo b = blocks.get(i);
      bytes += isCharged(b) ? b.getNumBytes() : f.getPreferredBlockSize();
    }
    return bytes;
  }

  /** True when a block counts at its length (committed), false at the preferred block size. */
  public static boolean isCharged(BlockInfo b) {
    return b.getState() == BlockState.COMPLETE || b.getState() == BlockState.COMMITTED;
  }

  /**
   * Adds {@code ns} names and {@code ss} bytes to every directory with a quota from
   * {@code from} up to the root.
   */
  public static void charge(InodeDirectory from, long ns, long ss) {
    if (ns == 0 && ss == 0) {
      return;
    }
    for (InodeDirectory d = from; d != null; d = d.getParent()) {
      DirectoryQuota q = d.getQuota();
      if (q != null) {
        q.add(ns, ss);
      }
    }
  }

  /**
   * Names and space of a subtree: {@code {ns, ss}}; a directory with a quota answers its
   * counters, any other subtree is counted ({@link #count}).
   */
  public static long[] of(Inode root) {
    DirectoryQuota q = root instanceof InodeDirectory d ? d.getQuota() : null;
    return q != null ? new long[] {q.nsUsed(), q.ssUsed()} : count(root);
  }

  /**
   * Counts a subtree: {@code {ns, ss}}. A directory with a quota below the root answers its
   * counters (its subtree is not walked), as HDFS's computeQuotaUsage.
   */
  static long[] count(Inode root) {
    long[] acc = new long[2];
    Deque<Inode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Inode i = todo.pop();
      if (i instanceof InodeFile f) {
        acc[0]++;
        acc[1] += fileSpace(f);
        continue;
      }
      InodeDirectory d = (InodeDirectory) i;
      DirectoryQuota q = d.getQuota();
      if (q != null && d != root) {
        acc[0] += q.nsUsed();
        acc[1] += q.ssUsed();
        continue;
      }
      acc[0]++;
      for (Inode c : d.getChildren()) {
        todo.push(c);
      }
    }
    return acc;
  }

  /**
   * Recomputes the counters of every directory with a quota under {@code root} (after an
   * image is loaded): one post-order walk of the tree.
   */
  public static void recomputeAll(InodeDirectory root) {
    List<InodeDirectory> quotaDirs = new ArrayList<>();
    Subtree.preOrder(root, i -> {
      if (i instanceof InodeDirectory d && d.getQuota() != null) {
        quotaDirs.add(d);
      }
    });
    // Deepest first: a parent's walk then reads its quota children's fresh counters.
    for (int k = quotaDirs.size() - 1; k >= 0; k--) {
      InodeDirectory d = quotaDirs.get(k);
      long[] u = count(d);
      d.getQuota().setUsage(u[0], u[1]);
    }
  }

  /**
   * Names and space of a subtree by walking all of it, ignoring the counters (tests compare
   * the counters with this).
   */
  public static long[] walk(Inode root) {
    long[] acc = new long[2];
    Subtree.preOrder(root, i -> {
      acc[0]++;
      if (i instanceof InodeFile f) {
        acc[1] += fileSpace(f);
      }
    });
    return acc;
  }
}
