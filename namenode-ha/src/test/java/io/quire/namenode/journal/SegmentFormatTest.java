package io.quire.namenode.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The segment codec byte for byte: the header and the version 2 chunks of a sync. */
class SegmentFormatTest {
  /** txId 7, epoch 3, payload "op": the golden record of {@link JournalRecordFormatTest}. */
  private static final String RECORD = "00000002" + "df172af5" + "0000000000000007"
      + "0000000000000003" + "6f70";
  /**
   * The one chunk of a sync holding only that record: "QBAT", recordsLength 26, CRC32C
   * (0xc361c6c4, computed outside Java over the 34 bytes from syncFirstTxId on), syncFirstTxId 7.
   */
  private static final String CHUNK = "51424154" + "0000001a" + "c361c6c4" + "0000000000000007"
      + RECORD;

  @Test
  void headerGoldenBytes() {
    ByteBuffer b = SegmentFormat.header(7);
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    assertEquals("514a4e4c" + "00000002" + "0000000000000007", HexFormat.of().formatHex(bytes));
  }

  @Test
  void chunkGoldenBytes() {
    byte[] record = HexFormat.of().parseHex(RECORD);
    assertEquals(CHUNK, hex(SegmentFormat.encodeSync(new CRC32C(), record, record.length, 7)));
  }

  @Test
  void decodesTheGoldenChunkAtAnOffset() {
    byte[] b = HexFormat.of().parseHex("ffff" + CHUNK);
    assertTrue(SegmentFormat.chunkMagicMatches(b, 2));
    assertEquals(26, SegmentFormat.chunkRecordsLength(b, 2));
    assertEquals(7, SegmentFormat.chunkSyncFirstTxId(b, 2));
    assertTrue(SegmentFormat.chunkCrcMatches(new CRC32C(), b, 2, 26));
  }

  @Test
  void chunkCrcCoversSyncFirstTxIdAndRecords() {
    byte[] golden = HexFormat.of().parseHex(CHUNK);
    for (int i = SegmentFormat.CHUNK_CRC_OFFSET; i < golden.length; i++) {
      byte[] b = golden.clone();
      b[i] ^= 0x01;
      assertFalse(SegmentFormat.chunkCrcMatches(new CRC32C(), b, 0, 26), "flip at byte " + i);
    }
  }

  /**
   * A sync larger than {@link SegmentFormat#CHUNK_TARGET_BYTES} is split at record boundaries:
   * each chunk holds at most that many bytes of records unless it holds a single bigger
   * record, and every chunk carries the sync's first txid.
   */
  @Test
  void largeSyncSplitsIntoChunksAtRecordBoundaries() throws Exception {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      records.add(RawSegments.record(100 + i, 1, new byte[100 * 1024]));
    }
    records.add(RawSegments.record(130, 1, new byte[3 * 1024 * 1024])); // alone in its chunk
    records.add(RawSegments.record(131, 1, "x".getBytes(StandardCharsets.US_ASCII)));
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] r : records) {
      all.write(r);
    }
    ByteBuffer out = SegmentFormat.encodeSync(new CRC32C(), all.toByteArray(), all.size(), 100);
    byte[] b = new byte[out.remaining()];
    out.get(b);

    List<Integer> recordsPerChunk = new ArrayList<>();
    long nextTxId = 100;
    int off = 0;
    while (off < b.length) {
      assertTrue(SegmentFormat.chunkMagicMatches(b, off));
      int length = SegmentFormat.chunkRecordsLength(b, off);
      assertTrue(SegmentFormat.chunkCrcMatches(new CRC32C(), b, off, length));
      assertEquals(100, SegmentFormat.chunkSyncFirstTxId(b, off));
      int count = 0;
      for (int r = off + SegmentFormat.CHUNK_HEADER_SIZE; r < off + SegmentFormat.CHUNK_HEADER_SIZE
          + length; r += JournalRecordFormat.recordSize(JournalRecordFormat.payloadLength(b, r))) {
        assertEquals(nextTxId++, JournalRecordFormat.txId(b, r));
        count++;
      }
      assertTrue(count == 1 || length <= SegmentFormat.CHUNK_TARGET_BYTES, "chunk at " + off);
      recordsPerChunk.add(count);
      off += SegmentFormat.CHUNK_HEADER_SIZE + length;
    }
    assertEquals(132, nextTxId);
    // 10 records of 100 KiB (+24) fit in 1 MiB, 11 do not.
    assertEquals(List.of(10, 10, 10, 1, 1), recordsPerChunk);
  }

  private static String hex(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
