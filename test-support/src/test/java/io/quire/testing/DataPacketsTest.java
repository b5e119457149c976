package io.quire.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.datatransfer.Packet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.hadoop.fs.ChecksumException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DataPacketsTest {
  private static byte[] stream(Packet... packets) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    for (Packet p : packets) {
      p.write(out);
    }
    return b.toByteArray();
  }

  @Test
  void packetsRoundTripThroughTheCodecWithTheirCrcs() throws IOException {
    byte[] data = new byte[3000];
    new Random(1).nextBytes(data);
    byte[] wire = stream(DataPackets.data(512, 0, data, 0, 1300, false),
        DataPackets.data(1812, 1, data, 1300, 1700, true), DataPackets.last(3512, 2));
    byte[] got = DataPackets.readStream(new DataInputStream(new ByteArrayInputStream(wire)), 512,
        true, "blk_1");
    assertArrayEquals(data, got);
  }

  @Test
  void aFlippedByteOrAGapIsAnError() throws IOException {
    byte[] data = new byte[1000];
    Packet p = DataPackets.data(0, 0, data, 0, data.length, false);
    p.getData()[700] ^= 1;
    assertThrows(ChecksumException.class, () -> DataPackets.verify(p, "blk_2"));
    byte[] gap = stream(DataPackets.data(0, 0, data, 0, 512, false),
        DataPackets.data(1024, 1, data, 0, 512, false), DataPackets.last(1536, 2));
    assertThrows(IOException.class, () -> DataPackets.readStream(
        new DataInputStream(new ByteArrayInputStream(gap)), 0, true, "blk_3"));
  }
}
