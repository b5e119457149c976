package io.quire.datanode.transfer;

import io.quire.datanode.storage.BlockMetaFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.util.CrcUtil;

/**
 * Composes the stored chunk CRCs of a replica's first {@code numBytes} bytes into the CRC32C of
 * those bytes (Hadoop {@link CrcUtil#composeWithMonomial}), as HDFS's COMPOSITE_CRC block
 * checksum does, without reading the data (only a final partial chunk is read, since its stored
 * CRC may cover more bytes).
 */
final class BlockChecksumComputer {
  private static final int BPC = BlockMetaFile.BYTES_PER_CHECKSUM;
  private static final int POLY = CrcUtil.CASTAGNOLI_POLYNOMIAL;
  private static final int CHUNK_MONOMIAL = CrcUtil.getMonomial(BPC, POLY);
  private static final int CHUNKS_PER_READ = 16 * 1024;

  private BlockChecksumComputer() {}

  /** CRC32C of bytes [0, numBytes) of the replica; 0 for an empty range. */
  static int compute(ReplicaInput in, long numBytes) throws IOException {
    long fullChunks = numBytes / BPC;
    int partial = (int) (numBytes % BPC);
    boolean first = true;
    int crc = 0;
    byte[] buf = new byte[4 * CHUNKS_PER_READ];
    for (long c = 0; c < fullChunks; ) {
      int n = (int) Math.min(CHUNKS_PER_READ, fullChunks - c);
      in.readChecksums(c * BPC, n * BPC, buf, 0);
      ByteBuffer crcs = ByteBuffer.wrap(buf, 0, 4 * n);
      for (int i = 0; i < n; i++) {
        int chunkCrc = crcs.getInt();
        crc = first ? chunkCrc : CrcUtil.composeWithMonomial(crc, chunkCrc, CHUNK_MONOMIAL, POLY);
        first = false;
      }
      c += n;
    }
    if (partial > 0) {
      int tail = in.computeCrc(fullChunks * BPC, partial);
      crc = first ? tail : CrcUtil.compose(crc, tail, partial, POLY);
    }
    return crc;
  }
}
