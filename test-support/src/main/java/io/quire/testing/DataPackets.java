package io.quire.testing;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.Packet;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.util.DataChecksum;

/**
 * Data-transfer packets with their CRCs, for test peers that speak the protocol with whole
 * {@link Packet} values (the protocol module's codec) rather than the servers' reusable frames:
 * CRC32C per {@value QuireConfigKeys#BYTES_PER_CHECKSUM}-byte chunk, computed or verified here
 * and nowhere else in the tests.
 */
public final class DataPackets {
  private DataPackets() {}

  private static DataChecksum crc32c() {
    return DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C,
        QuireConfigKeys.BYTES_PER_CHECKSUM);
  }

  /** A data packet carrying {@code data[from, from + len)} and its chunk CRCs. */
  public static Packet data(long offsetInBlock, long seqno, byte[] data, int from, int len,
      boolean sync) {
    byte[] sums = new byte[Packet.checksumLenFor(len)];
    crc32c().calculateChunkedSums(data, from, len, sums, 0);
    byte[] d = new byte[len];
    System.arraycopy(data, from, d, 0, len);
    return new Packet(offsetInBlock, seqno, false, sync, sums, d, len);
  }

  /** The empty packet that ends a block. */
  public static Packet last(long offsetInBlock, long seqno) {
    return new Packet(offsetInBlock, seqno, true, false, new byte[0], new byte[0], 0);
  }

  /** Checks {@code p}'s data against its CRCs; {@code block} names the block in the error. */
  public static void verify(Packet p, String block) throws ChecksumException {
    if (p.getDataLen() > 0) {
      crc32c().verifyChunkedSums(ByteBuffer.wrap(p.getData(), 0, p.getDataLen()),
          ByteBuffer.wrap(p.getChecksums()), block, p.getOffsetInBlock());
    }
  }

  /**
   * Reads the packets of a READ_BLOCK answer up to and including the last one, checking that
   * they are contiguous from {@code firstOffset} and (with {@code verify}) their CRCs; returns
   * their data.
   */
  public static byte[] readStream(DataInput in, long firstOffset, boolean verify, String block)
      throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    long expect = firstOffset;
    while (true) {
      Packet p = Packet.read(in);
      if (p.getOffsetInBlock() != expect) {
        throw new IOException(block + ": packet " + p.getSeqno() + " at offset "
            + p.getOffsetInBlock() + ", expected " + expect);
      }
      if (verify) {
        verify(p, block);
      }
      all.write(p.getData(), 0, p.getDataLen());
      expect += p.getDataLen();
      if (p.isLastPacketInBlock()) {
        return all.toByteArray();
      }
    }
  }
}
