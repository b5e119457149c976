package io.quire.datanode.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.datanode.testing.PacketFrames;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.PacketHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A DataNode forwards every packet downstream byte for byte, whatever its size. */
class PacketBufferTest {
  @Test
  void forwardsPacketsOfEverySizeUnchanged() throws IOException {
    int[] sizes = {65536, 128 * 1024, 1000, 1 << 20, 0, 4 * 1024 * 1024, 512};
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    long off = 0;
    for (int i = 0; i < sizes.length; i++) {
      wire.write(PacketFrames.frame(off, i, sizes[i], i, false));
      off += sizes[i];
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
    ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
    BufferBudget budget = new BufferBudget(64L << 20, 0);
    PacketBuffer p = new PacketBuffer(budget, DataTransferProtocol.MAX_PACKET_DATA, "test");
    off = 0;
    for (int i = 0; i < sizes.length; i++) {
      p.readFrom(in);
      assertEquals(i, p.getSeqno());
      assertEquals(off, p.getOffsetInBlock());
      assertEquals(sizes[i], p.getDataLen());
      p.writeTo(forwarded);
      off += sizes[i];
    }
    assertArrayEquals(wire.toByteArray(), forwarded.toByteArray());
    int largest = PacketHeader.SIZE + PacketHeader.checksumLenFor(4 << 20) + (4 << 20);
    assertEquals(largest, budget.getReservedBytes(), "the buffer grew to the largest frame");
    p.close();
    assertEquals(0, budget.getReservedBytes());
  }
}
