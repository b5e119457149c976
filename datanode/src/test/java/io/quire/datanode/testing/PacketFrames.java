package io.quire.datanode.testing;

import io.quire.protocol.datatransfer.Packet;
import io.quire.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.util.DataChecksum;

/**
 * Whole data packets as they travel on the wire, for tests of the DataNode's packet buffers:
 * {@code len} bytes of {@link TestData#random} with their CRC32C chunk sums, every odd seqno
 * asking for a sync.
 */
public final class PacketFrames {
  private PacketFrames() {}

  /** The wire bytes of packet {@code seq} at {@code off} in the block. */
  public static byte[] frame(long off, long seq, int len, long seed, boolean last)
      throws IOException {
    byte[] data = TestData.random(len, seed);
    byte[] sums = new byte[Packet.checksumLenFor(len)];
    DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512)
        .calculateChunkedSums(data, 0, len, sums, 0);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new Packet(off, seq, last, seq % 2 == 1, sums, data, len).write(new DataOutputStream(b));
    return b.toByteArray();
  }
}
