package io.quire.namenode.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The string encoding of journal records and images: golden bytes, no 64 KiB ceiling. */
class StringCodecTest {
  private static byte[] encode(String s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringCodec.write(new DataOutputStream(bytes), s);
    return bytes.toByteArray();
  }

  private static String decode(byte[] b) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
    String s = StringCodec.read(in);
    assertEquals(0, in.available(), "every byte read");
    return s;
  }

  @Test
  void goldenBytes() throws IOException {
    HexFormat hex = HexFormat.of();
    assertEquals("0000000361c3a9", hex.formatHex(encode("a\u00e9")));
    assertEquals("00000000", hex.formatHex(encode("")));
    assertEquals("ffffffff", hex.formatHex(encode(null)));
    // A supplementary character is 4 bytes of standard UTF-8 (modified UTF-8 would take 6).
    assertEquals("00000004f09f9880", hex.formatHex(encode("\uD83D\uDE00")));
    assertEquals("a\u00e9", decode(hex.parseHex("0000000361c3a9")));
    assertNull(decode(hex.parseHex("ffffffff")));
  }

  @Test
  void stringsLongerThan64KiBRoundTrip() throws IOException {
    String huge = "\u00e9".repeat(1_500_000); // 3 MB of UTF-8: read in several pieces
    byte[] b = encode(huge);
    assertEquals(4 + 3_000_000, b.length);
    assertEquals(huge, decode(b));
  }

  @Test
  void aLengthPastTheEndOrNegativeIsAnError() {
    assertThrows(EOFException.class, () -> decode(HexFormat.of().parseHex("7fffffff61")));
    assertThrows(IOException.class, () -> decode(HexFormat.of().parseHex("fffffffe")));
  }
}
