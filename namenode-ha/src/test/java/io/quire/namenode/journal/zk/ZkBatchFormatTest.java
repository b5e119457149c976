package io.quire.namenode.journal.zk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalRecord;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch znode format byte for byte, and what readers refuse. */
class ZkBatchFormatTest {
  private static final String PATH = "/quire/ns/journal/batches/0000000000000000000/"
      + "0000000000000000007";
  /** Records txid 7 "op" and txid 8 (empty), epoch 3, as JournalRecordFormatTest spells them. */
  private static final String RECORDS = "00000002" + "df172af5" + "0000000000000007"
      + "0000000000000003" + "6f70"
      + "00000000" + "e9539b89" + "0000000000000008" + "0000000000000003";
  /** Header CRC32C 0x8913be5c computed outside Java over the 28 bytes before it. */
  private static final String GOLDEN = "515a4b42" + "00000001" + "0000000000000003"
      + "0000000000000007" + "00000002" + "8913be5c" + RECORDS;

  private static byte[] golden() {
    return HexFormat.of().parseHex(GOLDEN);
  }

  @Test
  void encodesTheGoldenBytes() {
    byte[] records = HexFormat.of().parseHex("ffff" + RECORDS);
    byte[] batch = ZkBatchFormat.encode(3, 7, 2, records, 2, records.length - 2);
    assertEquals(GOLDEN, HexFormat.of().formatHex(batch));
  }

  @Test
  void decodesTheGoldenBytes() throws Exception {
    ZkBatchHeader h = ZkBatchFormat.decodeHeader(PATH, 7, golden());
    assertEquals(new ZkBatchHeader(3, 7, 2), h);
    assertEquals(8, h.lastTxId());
    List<JournalRecord> records = ZkBatchFormat.decode(PATH, 7, golden());
    assertEquals(2, records.size());
    assertEquals(7, records.get(0).txId());
    assertArrayEquals("op".getBytes(), records.get(0).payload());
    assertEquals(8, records.get(1).txId());
    assertEquals(0, records.get(1).payload().length);
    assertEquals(3, records.get(1).epoch());
  }

  @Test
  void everyDamagedByteIsCorruptionNamingTheZnode() {
    byte[] good = golden();
    for (int i = 0; i < good.length; i++) {
      if (i >= 4 && i < 8) {
        continue; // the version field: an incompatibility, tested below
      }
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      int at = i;
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> ZkBatchFormat.decode(PATH, 7, bad), "flip at byte " + at);
      assertTrue(e.getMessage().contains(PATH), e.getMessage());
    }
  }

  @Test
  void structuralDamageIsCorruption() {
    byte[] good = golden();
    assertCorrupt(Arrays.copyOf(good, good.length - 1), 7,
        "ends inside the header of record txid 8");
    assertCorrupt(Arrays.copyOf(good, 32 + 25), 7, "impossible payload length");
    assertCorrupt(Arrays.copyOf(good, good.length + 3), 7, "3 bytes after the last record");
    assertCorrupt(Arrays.copyOf(good, 20), 7, "shorter than a batch header");
    assertCorrupt(good, 6, "the name says 6");
    byte[] oneRecordLess = ZkBatchFormat.encode(3, 7, 1, good, 32, good.length - 32);
    assertCorrupt(oneRecordLess, 7, "bytes after the last record");
    byte[] otherEpoch = ZkBatchFormat.encode(4, 7, 2, good, 32, good.length - 32);
    assertCorrupt(otherEpoch, 7, "expected txid 7 epoch 4");
    assertCorrupt(ZkBatchFormat.encode(3, 7, 0, new byte[0], 0, 0), 7, "record count 0");
  }

  @Test
  void anotherVersionIsIncompatibleNotCorrupt() {
    byte[] v2 = golden();
    ByteBuffer.wrap(v2).putInt(4, 2);
    assertThrows(IncompatibleStorageException.class, () -> ZkBatchFormat.decode(PATH, 7, v2));
  }

  @Test
  void piecesSplitAtTheByteLimitAndAtBucketEdges() {
    byte[] records = HexFormat.of().parseHex(RECORDS); // 26 + 24 bytes
    assertEquals(new ZkBatchSink.Piece(50, 2), ZkBatchSink.nextPiece(records, 0, 50, 7, 50));
    assertEquals(new ZkBatchSink.Piece(26, 1), ZkBatchSink.nextPiece(records, 0, 50, 7, 49));
    assertEquals(new ZkBatchSink.Piece(26, 1), ZkBatchSink.nextPiece(records, 0, 50, 7, 10),
        "a piece holds at least one record");
    assertEquals(new ZkBatchSink.Piece(50, 1), ZkBatchSink.nextPiece(records, 26, 50, 8, 50));
    assertEquals(new ZkBatchSink.Piece(26, 1),
        ZkBatchSink.nextPiece(records, 0, 50, ZkLayout.BUCKET_TXIDS - 1, 1000),
        "the next record starts a new bucket");
  }

  private static void assertCorrupt(byte[] data, long name, String messagePart) {
    CorruptJournalException e = assertThrows(CorruptJournalException.class,
        () -> ZkBatchFormat.decode(PATH, name, data));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
