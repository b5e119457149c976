package io.quire.client;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;

/**
 * A snapshot of a file's blocks for reading: one getBlockLocations for the whole file, plus,
 * for a file under construction whose last block is still growing, that block's readable
 * length: the smaller of the length the NameNode recorded (what the writer hflushed, or the
 * target of a truncate in progress) and the length a DataNode holds (VISIBLE_LENGTH). So
 * readers see every hflushed byte, never bytes a truncate is cutting off, and never more than
 * a replica can serve. Immutable; readers replace it on refresh.
 */
final class FileBlocks {
  private final List<LocatedBlock> blocks;
  private final long length;
  private final boolean lastBlockGrowing;

  private FileBlocks(List<LocatedBlock> blocks, long length, boolean lastBlockGrowing) {
    this.blocks = blocks;
    this.length = length;
    this.lastBlockGrowing = lastBlockGrowing;
  }

  static FileBlocks fetch(ClientProtocol nn, String path, ClientOptions options)
      throws IOException {
    LocatedBlocks lbs = nn.getBlockLocations(path, 0, Long.MAX_VALUE);
    if (lbs == null) {
      throw new FileNotFoundException("open " + path + ": file not found");
    }
    List<LocatedBlock> blocks = lbs.getBlocks();
    if (!lbs.isLastBlockComplete() && !blocks.isEmpty()) {
      LocatedBlock last = blocks.get(blocks.size() - 1);
      long recorded = last.getBlock().getNumBytes();
      long visible = recorded == 0 || last.getLocations().isEmpty() ? 0
          : Math.min(recorded, BlockOps.visibleLength(last, options));
      return new FileBlocks(blocks, last.getOffset() + visible, true);
    }
    return new FileBlocks(blocks, lbs.getFileLength(), false);
  }

  /** Readable length of the file. */
  long length() { return length; }

  List<LocatedBlock> blocks() { return blocks; }

  /** The block holding byte {@code pos} of the file, or null when pos is past the blocks. */
  LocatedBlock blockAt(long pos) {
    int lo = 0;
    int hi = blocks.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      LocatedBlock b = blocks.get(mid);
      if (pos < b.getOffset()) {
        hi = mid - 1;
      } else if (pos >= b.getOffset() + readableLength(b)) {
        lo = mid + 1;
      } else {
        return b;
      }
    }
    return null;
  }

  /** Bytes of {@code b} a reader may read: the visible length for a growing last block. */
  long readableLength(LocatedBlock b) {
    if (lastBlockGrowing && b == blocks.get(blocks.size() - 1)) {
      return length - b.getOffset();
    }
    return Math.min(b.getBlock().getNumBytes(), Math.max(0, length - b.getOffset()));
  }
}
