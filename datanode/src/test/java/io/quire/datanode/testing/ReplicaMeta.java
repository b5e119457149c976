package io.quire.datanode.testing;

import java.nio.ByteBuffer;
import org.apache.hadoop.util.DataChecksum;

/**
 * The meta file a replica of some data has, computed from the format as the javadoc of
 * {@code io.quire.datanode.storage.BlockMetaFile} gives it, independently of the DataNode's
 * code: version 1 (short), checksum type CRC32C (byte 2), 512 bytes per checksum (int), then a
 * 4-byte CRC of every 512-byte chunk, the last one short.
 */
public final class ReplicaMeta {
  private ReplicaMeta() {}

  /** The whole meta file of a replica holding {@code data}. */
  public static byte[] of(byte[] data) {
    DataChecksum sum = DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512);
    byte[] crcs = new byte[4 * ((data.length + 511) / 512)];
    sum.calculateChunkedSums(data, 0, data.length, crcs, 0);
    ByteBuffer b = ByteBuffer.allocate(7 + crcs.length);
    b.putShort((short) 1).put((byte) 2).putInt(512).put(crcs);
    return b.array();
  }
}
