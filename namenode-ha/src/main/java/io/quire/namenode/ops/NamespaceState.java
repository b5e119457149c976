package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.blocks.BlockMap;
import io.quire.namenode.leases.LeaseManager;
import io.quire.namenode.namespace.InodeTree;

/**
 * Everything replay rebuilds: the inode tree, the blocks of the files, the leases of open files
 * and the id counters; plus the block manager, whose replica bookkeeping (volatile) follows
 * blocks that records add or remove. Guarded by the namesystem lock.
 */
public final class NamespaceState {
  private final InodeTree tree;
  private final BlockManager blockManager;
  private final LeaseManager leases;
  private final LastAllocatedIds lastIds;
  private final io.quire.namenode.namespace.SnapshottableDirs snapshottable =
      new io.quire.namenode.namespace.SnapshottableDirs();
  private final TruncateCopies truncateCopies = new TruncateCopies();

  public NamespaceState(InodeTree tree, BlockManager blockManager, LeaseManager leases) {
    this.tree = tree;
    this.blockManager = blockManager;
    this.leases = leases;
    this.lastIds = new LastAllocatedIds(InodeTree.ROOT_ID);
  }

  public InodeTree tree() { return tree; }
  public BlockManager blockManager() { return blockManager; }
  public BlockMap blocks() { return blockManager.getBlockMap(); }
  public LeaseManager leases() { return leases; }
  public LastAllocatedIds lastIds() { return lastIds; }
  public io.quire.namenode.namespace.SnapshottableDirs snapshottable() { return snapshottable; }
  /** Copies on truncate whose recovery has not committed yet. */
  public TruncateCopies truncateCopies() { return truncateCopies; }
}
