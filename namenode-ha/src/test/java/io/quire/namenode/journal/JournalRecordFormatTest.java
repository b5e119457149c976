package io.quire.namenode.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The one record codec, byte for byte (segments and ZooKeeper batches both use it). */
class JournalRecordFormatTest {
  /**
   * txId 7, epoch 3, payload "op". The CRC32C (0xdf172af5) was computed outside Java, over
   * the 18 bytes from the txId on.
   */
  private static final String GOLDEN = "00000002" + "df172af5" + "0000000000000007"
      + "0000000000000003" + "6f70";

  private static byte[] record(long txId, long epoch, byte[] payload) throws Exception {
    byte[] header = new byte[JournalRecordFormat.HEADER_SIZE];
    JournalRecordFormat.encodeHeader(new CRC32C(), header, txId, epoch, payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header);
    out.write(payload);
    return out.toByteArray();
  }

  @Test
  void encodesTheGoldenBytes() throws Exception {
    byte[] bytes = record(7, 3, "op".getBytes(StandardCharsets.US_ASCII));
    assertEquals(GOLDEN, HexFormat.of().formatHex(bytes));
  }

  @Test
  void decodesTheGoldenBytesAtAnOffset() {
    byte[] b = HexFormat.of().parseHex("ffff" + GOLDEN);
    assertEquals(2, JournalRecordFormat.payloadLength(b, 2));
    assertEquals(7, JournalRecordFormat.txId(b, 2));
    assertEquals(3, JournalRecordFormat.epoch(b, 2));
    assertTrue(JournalRecordFormat.crcMatches(new CRC32C(), b, 2, 2));
    JournalRecord r = JournalRecordFormat.decode(b, 2);
    assertEquals(7, r.txId());
    assertEquals(3, r.epoch());
    assertArrayEquals("op".getBytes(StandardCharsets.US_ASCII), r.payload());
    assertEquals(26, JournalRecordFormat.recordSize(2));
  }

  @Test
  void crcCoversTxIdEpochAndPayloadButNotTheLength() {
    byte[] golden = HexFormat.of().parseHex(GOLDEN);
    for (int i = JournalRecordFormat.CRC_COVERAGE_OFFSET; i < golden.length; i++) {
      byte[] b = golden.clone();
      b[i] ^= 0x01;
      assertFalse(JournalRecordFormat.crcMatches(new CRC32C(), b, 0, 2), "flip at byte " + i);
    }
  }

  @Test
  void segmentsUseTheSameLayout() throws Exception {
    byte[] payload = "op".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(record(7, 3, payload), RawSegments.record(7, 3, payload));
  }
}
