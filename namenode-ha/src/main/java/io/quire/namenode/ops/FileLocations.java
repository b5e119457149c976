package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.namespace.InodeFile;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.util.ArrayList;
import java.util.List;

/**
 * The located blocks of a file for a byte range (getBlockLocations), or of the whole file (a
 * listing with locations); replicas closest-first to the client. Runs under the namesystem
 * lock; no permission check (the caller's).
 */
final class FileLocations {
  private FileLocations() {}

  /**
   * The blocks of {@code f} overlapping [offset, end), plus the growing last block of a file
   * under construction when it starts at or before {@code end}.
   */
  static LocatedBlocks of(BlockManager blocks, InodeFile f, long offset, long end,
      String clientIp) {
    List<BlockInfo> all = f.getBlocks();
    List<LocatedBlock> out = new ArrayList<>(Math.min(all.size(), 16));
    long pos = 0;
    BlockInfo lastBlock = f.getLastBlock();
    for (BlockInfo b : all) {
      long blockEnd = pos + b.getNumBytes();
      boolean overlaps = pos < end && blockEnd > offset;
      boolean growingTail = b == lastBlock && f.isUnderConstruction() && pos <= end;
      if (overlaps || growingTail) {
        out.add(blocks.locate(b, pos, clientIp));
      }
      pos = blockEnd;
    }
    boolean lastComplete = lastBlock == null || blocks.isCompleteOrMinReplicated(lastBlock);
    return new LocatedBlocks(pos, out, f.isUnderConstruction(), lastComplete);
  }

  /** Every block of {@code f}. */
  static LocatedBlocks whole(BlockManager blocks, InodeFile f, String clientIp) {
    return of(blocks, f, 0, Long.MAX_VALUE, clientIp);
  }

  /** What a directory carries in a listing with locations: no blocks. */
  static final LocatedBlocks NONE = new LocatedBlocks(0, List.of(), false, true);
}
