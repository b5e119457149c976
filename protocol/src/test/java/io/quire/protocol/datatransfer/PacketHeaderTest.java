package io.quire.protocol.datatransfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes of the packet header and of a whole packet, and what a receiver rejects. */
class PacketHeaderTest {
  private static final HexFormat HEX = HexFormat.of();

  /** offset 65536, seqno 7, syncBlock, 1000 data bytes (two chunks: 8 checksum bytes). */
  private static final String SYNC_PACKET =
      "0000000000010000" + "0000000000000007" + "02" + "000003e8" + "00000008";
  /** A write heartbeat: offset 512, seqno -1, no flags, no data. */
  private static final String HEARTBEAT =
      "0000000000000200" + "ffffffffffffffff" + "00" + "00000000" + "00000000";
  /** The packet ending a 4 MiB block: seqno 64, lastPacketInBlock, no data. */
  private static final String LAST_PACKET =
      "0000000000400000" + "0000000000000040" + "01" + "00000000" + "00000000";
  /** A 1 MiB packet (more than the 64 KiB a buffer once assumed): 2048 chunks. */
  private static final String MIB_PACKET =
      "0000000000100000" + "0000000000000003" + "00" + "00100000" + "00002000";

  private static byte[] encode(PacketHeader h) {
    byte[] b = new byte[PacketHeader.SIZE];
    h.encode(b, 0);
    return b;
  }

  @Test
  void layoutBelongsToTheCurrentProtocolVersion() {
    assertEquals(25, PacketHeader.SIZE);
    assertEquals(DataTransferProtocol.VERSION, PacketHeader.PROTOCOL_VERSION,
        "a new data-transfer version must say whether the packet header changed");
  }

  @Test
  void encodesGoldenBytes() {
    assertEquals(SYNC_PACKET, HEX.formatHex(encode(new PacketHeader(65536, 7, false, true, 1000))));
    assertEquals(HEARTBEAT, HEX.formatHex(encode(new PacketHeader(512, -1, false, false, 0))));
    assertEquals(LAST_PACKET,
        HEX.formatHex(encode(new PacketHeader(4L << 20, 64, true, false, 0))));
    assertEquals(MIB_PACKET,
        HEX.formatHex(encode(new PacketHeader(1L << 20, 3, false, false, 1 << 20))));
  }

  @Test
  void decodesGoldenBytes() throws IOException {
    assertEquals(new PacketHeader(65536, 7, false, true, 1000),
        PacketHeader.decode(HEX.parseHex(SYNC_PACKET), 0));
    assertEquals(new PacketHeader(512, -1, false, false, 0),
        PacketHeader.decode(HEX.parseHex(HEARTBEAT), 0));
    PacketHeader last = PacketHeader.decode(HEX.parseHex(LAST_PACKET), 0);
    assertTrue(last.lastPacketInBlock());
    assertFalse(last.syncBlock());
    PacketHeader big = PacketHeader.decode(HEX.parseHex("abcd" + MIB_PACKET), 2);
    assertEquals(1 << 20, big.dataLen());
    assertEquals(8192, big.checksumLen());
    assertEquals(25 + 8192 + (1 << 20), big.frameLength());
  }

  @Test
  void writeAndReadUseTheSameBytes() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new PacketHeader(65536, 7, false, true, 1000).write(new DataOutputStream(b));
    assertEquals(SYNC_PACKET, HEX.formatHex(b.toByteArray()));
    assertEquals(new PacketHeader(65536, 7, false, true, 1000), PacketHeader.read(
        new DataInputStream(new ByteArrayInputStream(b.toByteArray()))));
  }

  @Test
  void wholePacketGoldenBytes() throws IOException {
    byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] crc = HEX.parseHex("364b3fb7"); // CRC32C("abc")
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new Packet(0, 0, false, false, crc, data, 3).write(new DataOutputStream(b));
    String golden = "0000000000000000" + "0000000000000000" + "00" + "00000003" + "00000004"
        + "364b3fb7" + "616263";
    assertEquals(golden, HEX.formatHex(b.toByteArray()));
    Packet p = Packet.read(new DataInputStream(new ByteArrayInputStream(HEX.parseHex(golden))));
    assertEquals(3, p.getDataLen());
    assertArrayEquals(crc, p.getChecksums());
    assertArrayEquals(data, p.getData());
  }

  private static InvalidPacketHeaderException reject(String hex, int max) {
    return assertThrows(InvalidPacketHeaderException.class,
        () -> PacketHeader.decode(HEX.parseHex(hex), 0, max));
  }

  @Test
  void rejectsBadHeadersNamingTheSeqno() {
    String seq9 = "0000000000000000" + "0000000000000009";
    InvalidPacketHeaderException negative = reject(seq9 + "00" + "ffffffff" + "00000000",
        DataTransferProtocol.MAX_PACKET_DATA);
    assertEquals(9, negative.getSeqno());
    assertFalse(negative.isTooLarge());
    InvalidPacketHeaderException huge = reject(seq9 + "00" + "7fffffff" + "00000000",
        DataTransferProtocol.MAX_PACKET_DATA);
    assertTrue(huge.isTooLarge());
    assertTrue(huge.getMessage().contains("data length 2147483647"), huge.getMessage());
    InvalidPacketHeaderException overLimit = reject(MIB_PACKET, 128 * 1024);
    assertTrue(overLimit.isTooLarge());
    assertEquals(3, overLimit.getSeqno());
    assertTrue(overLimit.getMessage().contains("[0, 131072]"), overLimit.getMessage());
    reject(seq9 + "00" + "000003e8" + "00000004", 1 << 20);   // checksum length mismatch
    reject(seq9 + "04" + "00000000" + "00000000", 1 << 20);   // unknown flag
    reject("ffffffffffffffff" + "0000000000000009" + "00" + "00000000" + "00000000", 1 << 20);
    // a limit above the protocol's is the protocol's
    assertTrue(reject(seq9 + "00" + "00400200" + "00002004", Integer.MAX_VALUE).isTooLarge());
  }
}
