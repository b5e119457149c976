package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.InodeFile;

/**
 * A block leaves its live file (delete, overwrite, truncate, abandon, a recovery that drops
 * it). A block that a snapshot still holds ({@link BlockInfo#getSnapshotRefs()} above 0) stays
 * in the block map, its replicas kept and re-replicated, owned by a detached holder copy of
 * the file (its replication decides the block's); the last snapshot's deletion removes it
 * ({@link SnapshotApplier}). Any other block is removed and its replicas deleted. A block
 * being created by a copy on truncate ends its copy ({@link TruncateCopies#finish}).
 */
final class BlockRelease {
  private BlockRelease() {}

  /** A detached file that owns blocks only snapshots hold (not in the tree, no blocks list). */
  static InodeFile holder(InodeFile live) {
    return new InodeFile(live.getId(), live.getName(), live.getPermission(), live.getOwner(),
        live.getGroup(), live.getModificationTime(), live.getReplication(),
        live.getPreferredBlockSize());
  }

  /**
   * Releases {@code b}, which left file {@code from}; {@code holder} (may be null: made when
   * needed) owns it when a snapshot keeps it. Returns the holder used, for the next block.
   */
  static InodeFile release(NamespaceState s, BlockInfo b, InodeFile from, InodeFile holder) {
    s.truncateCopies().finish(s, b); // a copy on truncate that will never commit
    if (b.getSnapshotRefs() <= 0) {
      s.blockManager().removeBlock(b);
      return holder;
    }
    InodeFile h = holder != null ? holder : holder(from);
    b.setBlockCollection(h);
    s.blockManager().blockChanged(b);
    return h;
  }

  /** Whether {@code b} is still a block of a file in the tree. */
  static boolean isLive(NamespaceState s, BlockInfo b) {
    InodeFile f = InodeFile.of(b);
    return f != null && s.tree().getById(f.getId()) == f;
  }
}
