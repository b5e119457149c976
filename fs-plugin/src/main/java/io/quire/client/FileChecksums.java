package io.quire.client;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.util.CrcComposer;
import org.apache.hadoop.util.CrcUtil;
import org.apache.hadoop.util.DataChecksum;

/**
 * The COMPOSITE_CRC file checksum, as HDFS computes it with
 * {@code dfs.checksum.combine.mode=COMPOSITE_CRC}: each block's DataNode composes the CRC32C of
 * the block's bytes from its 512-byte chunk CRCs (BLOCK_CHECKSUM), and the client composes the
 * block CRCs with {@link CrcComposer}. The result is the CRC32C of the whole file's bytes, so
 * it equals HDFS's for the same content whatever the block sizes.
 */
public final class FileChecksums {
  /** Checksum type of every Quire block and of the composite file checksum. */
  public static final DataChecksum.Type CRC_TYPE = DataChecksum.Type.CRC32C;
  public static final int BYTES_PER_CRC = 512;

  private FileChecksums() {}

  /** The composite CRC32C of the first {@code length} bytes of {@code path}. */
  static int compositeCrc(ClientProtocol nn, ClientOptions options, String path, long length)
      throws IOException {
    LocatedBlocks lbs = nn.getBlockLocations(path, 0, Long.MAX_VALUE);
    if (lbs == null) {
      throw new FileNotFoundException("getFileChecksum " + path + ": file not found");
    }
    long hint = lbs.getBlocks().isEmpty() ? BYTES_PER_CRC
        : Math.max(1, lbs.getBlocks().get(0).getBlock().getNumBytes());
    CrcComposer composer = CrcComposer.newCrcComposer(CRC_TYPE, hint);
    long remaining = Math.min(lbs.getFileLength(), length);
    for (LocatedBlock lb : lbs.getBlocks()) {
      long len = Math.min(lb.getBlock().getNumBytes(), remaining);
      if (len <= 0) {
        continue;
      }
      composer.update(BlockOps.blockCrc(lb, len, options), len);
      remaining -= len;
    }
    return CrcUtil.readInt(composer.digest(), 0);
  }

  /** Composes per-block CRCs (each with its byte length) the way {@link #compositeCrc} does. */
  public static int compose(int[] blockCrcs, long[] blockLengths) throws IOException {
    CrcComposer composer = CrcComposer.newCrcComposer(CRC_TYPE,
        blockLengths.length == 0 ? BYTES_PER_CRC : Math.max(1, blockLengths[0]));
    for (int i = 0; i < blockCrcs.length; i++) {
      composer.update(blockCrcs[i], blockLengths[i]);
    }
    return CrcUtil.readInt(composer.digest(), 0);
  }
}
