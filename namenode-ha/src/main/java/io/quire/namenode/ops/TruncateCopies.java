package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.namespace.InodeFile;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies on truncate in progress (HDFS keeps the same in the truncate block of a block under
 * construction): for each new last block a {@code TRUNCATE_COPY} record gave a file, the old
 * block whose prefix the recovery copies into it. While its copy is pending the old block
 * counts one more reference ({@link BlockInfo#getSnapshotRefs()}), as if a snapshot copy held
 * it, so deleting the snapshots meanwhile does not delete the replicas the copy reads. The
 * reference goes when the new block's recovery commits or the new block leaves its file
 * ({@link BlockRelease}); the old block then stays only if a snapshot still holds it.
 * Derived from the records (replay and the active alike) and checkpointed
 * ({@link NamespaceImage} version 7). Guarded by the namesystem lock.
 */
public final class TruncateCopies {
  /** A pending copy: the old block {@code source} is copied into {@code target}. */
  public record Copy(BlockInfo target, BlockInfo source) {}

  private final Map<Long, Copy> byTarget = new HashMap<>();

  /** The old block copied into {@code target}, or null when {@code target} is not a copy. */
  public BlockInfo sourceOf(BlockInfo target) {
    Copy c = byTarget.get(target.getBlockId());
    return c == null || c.target() != target ? null : c.source();
  }

  /** The pending copies, ordered by new block id. */
  public List<Copy> all() {
    List<Copy> out = new ArrayList<>(byTarget.values());
    out.sort((a, b) -> Long.compare(a.target().getBlockId(), b.target().getBlockId()));
    return out;
  }

  public int size() { return byTarget.size(); }

  /** Apply: {@code source}'s prefix is to be copied into {@code target}; holds {@code source}. */
  void start(BlockInfo target, BlockInfo source) {
    source.addSnapshotRef(1);
    byTarget.put(target.getBlockId(), new Copy(target, source));
  }

  /**
   * Apply: the copy into {@code target} is over (its recovery committed, or it left its file);
   * the old block is removed (replicas deleted) when no snapshot and no live file holds it.
   * Nothing happens for a block that is not a pending copy.
   */
  void finish(NamespaceState s, BlockInfo target) {
    if (byTarget.isEmpty()) {
      return;
    }
    Copy c = byTarget.get(target.getBlockId());
    if (c == null || c.target() != target) {
      return;
    }
    byTarget.remove(target.getBlockId());
    BlockInfo source = c.source();
    source.addSnapshotRef(-1);
    if (source.getSnapshotRefs() == 0 && !BlockRelease.isLive(s, source)
        && s.blocks().get(source.getBlockId()) == source) {
      s.blockManager().removeBlock(source);
    }
  }

  /** Image load: forgets everything (the image brings its own copies back). */
  void clear() {
    byTarget.clear();
  }

  /**
   * The checkpoint section (body version 7 on, after the snapshot section): int count, then per
   * copy (by new block id): long new block id, long old block id, long old generation stamp,
   * long old length.
   */
  void write(DataOutputStream out) throws IOException {
    List<Copy> copies = all();
    out.writeInt(copies.size());
    for (Copy c : copies) {
      out.writeLong(c.target().getBlockId());
      out.writeLong(c.source().getBlockId());
      out.writeLong(c.source().getGenerationStamp());
      out.writeLong(c.source().getNumBytes());
    }
  }

  /**
   * Reads {@link #write}'s section once the tree and the snapshots are loaded. An old block that
   * no snapshot holds any more (its snapshots were deleted during the copy) is put back in the
   * block map, owned by a detached holder of the new block's file.
   */
  void read(NamespaceState s, DataInputStream in) throws IOException {
    clear();
    int n = in.readInt();
    if (n < 0) {
      throw new CorruptJournalException("load image: " + n + " copies on truncate");
    }
    for (int k = 0; k < n; k++) {
      long targetId = in.readLong();
      long sourceId = in.readLong();
      long gs = in.readLong();
      long numBytes = in.readLong();
      BlockInfo target = s.blocks().get(targetId);
      if (target == null || !BlockRelease.isLive(s, target) || !target.isTruncating()) {
        throw new CorruptJournalException("load image: copy on truncate into blk_" + targetId
            + ", which is not a block under truncate recovery of a file");
      }
      BlockInfo source = s.blocks().get(sourceId);
      if (source == null) {
        source = new BlockInfo(sourceId, gs, numBytes, BlockState.COMPLETE);
        source.setBlockCollection(BlockRelease.holder(InodeFile.of(target)));
        s.blockManager().addBlock(source);
      }
      start(target, source);
    }
  }
}
