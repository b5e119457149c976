package io.quire.protocol.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes of the block token identifier and what its decoder rejects. */
class BlockTokenIdentifierTest {
  private static final HexFormat HEX = HexFormat.of();

  /** alice, blk 0x1234, READ+WRITE, key 0x01000005, expires 1700000000000. */
  static final String GOLDEN = "01" + "0000018bcfe56800" + "01000005" + "0000000000001234"
      + "03" + "00000005" + "616c696365";

  @Test
  void encodesGoldenBytes() {
    BlockTokenIdentifier id = new BlockTokenIdentifier("alice", 0x1234,
        EnumSet.of(BlockAccessMode.READ, BlockAccessMode.WRITE), 0x01000005,
        1_700_000_000_000L);
    assertEquals(GOLDEN, HEX.formatHex(id.getBytes()));
  }

  @Test
  void decodesGoldenBytes() throws IOException {
    BlockTokenIdentifier id = BlockTokenIdentifier.decode(HEX.parseHex(GOLDEN));
    assertEquals("alice", id.getUserName());
    assertEquals(0x1234, id.getBlockId());
    assertEquals(EnumSet.of(BlockAccessMode.READ, BlockAccessMode.WRITE), id.getModes());
    assertEquals(0x01000005, id.getKeyId());
    assertEquals(1_700_000_000_000L, id.getExpiryDate());
  }

  @Test
  void modesAreBits() throws IOException {
    assertEquals(0x0f, BlockAccessMode.encode(EnumSet.allOf(BlockAccessMode.class)));
    assertEquals(0x04, BlockAccessMode.encode(EnumSet.of(BlockAccessMode.COPY)));
    assertEquals(0x08, BlockAccessMode.encode(EnumSet.of(BlockAccessMode.REPLACE)));
    assertEquals(EnumSet.noneOf(BlockAccessMode.class), BlockAccessMode.decode((byte) 0));
  }

  @Test
  void rejectsBadVersionUnknownModesBadLengthsAndTrailingBytes() {
    assertThrows(IOException.class,
        () -> BlockTokenIdentifier.decode(HEX.parseHex("02" + GOLDEN.substring(2))));
    String unknownMode = GOLDEN.substring(0, 42) + "13" + GOLDEN.substring(44);
    assertThrows(IOException.class, () -> BlockTokenIdentifier.decode(HEX.parseHex(unknownMode)));
    String hugeUser = GOLDEN.substring(0, 44) + "7fffffff" + GOLDEN.substring(52);
    assertThrows(IOException.class, () -> BlockTokenIdentifier.decode(HEX.parseHex(hugeUser)));
    assertThrows(IOException.class,
        () -> BlockTokenIdentifier.decode(HEX.parseHex(GOLDEN.substring(0, 30))));
    assertThrows(IOException.class,
        () -> BlockTokenIdentifier.decode(HEX.parseHex(GOLDEN + "00")));
  }
}
