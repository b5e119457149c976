package io.quire.namenode.journal;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.storage.TestDirs;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Torn tails are cut at the last whole record; damage before the tail stops everything. */
class JournalRecoveryTest {
  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    dir = TestDirs.fresh(info);
  }

  /**
   * Writes txids 1..count with epoch 1 and "crashes": the in-progress segment stays, with the
   * writer's preallocated zero padding cut off so tests can craft damage at the records' end.
   */
  private Path crashAfterWriting(int count) throws Exception {
    Path segment = crashAfterWritingPreallocated(count);
    long end = SegmentFormat.HEADER_SIZE;
    for (int i = 1; i <= count; i++) {
      end += SegmentFormat.RECORD_HEADER_SIZE + op(i).length;
    }
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(end);
    }
    return segment;
  }

  /** As {@link #crashAfterWriting} but the segment keeps its preallocated padding. */
  private Path crashAfterWritingPreallocated(int count) throws Exception {
    FileJournal journal = new FileJournal(dir);
    journal.openForWrite(1).appendAndSync(ops(1, count));
    // No close: the writer dies with its segment in progress.
    return RawSegments.inProgress(dir, 1);
  }

  @Test
  void preallocatedPaddingIsTheEndOfTheRecords() throws Exception {
    Path segment = crashAfterWritingPreallocated(5);
    assertEquals(SegmentFormat.HEADER_SIZE + FencedSegmentOutput.PREALLOCATE_BYTES,
        Files.size(segment),
        "the writer extends the segment in preallocated chunks");
    assertRecoveredTo(5);
    long end = SegmentFormat.HEADER_SIZE;
    for (int i = 1; i <= 5; i++) {
      end += SegmentFormat.RECORD_HEADER_SIZE + op(i).length;
    }
    assertEquals(end, Files.size(RawSegments.finished(dir, 1, 5)),
        "recovery cuts the padding off the finished segment");
  }

  @Test
  void recordTornInsidePreallocatedPaddingIsTruncated() throws Exception {
    Path segment = crashAfterWritingPreallocated(3);
    long end = SegmentFormat.HEADER_SIZE;
    for (int i = 1; i <= 3; i++) {
      end += SegmentFormat.RECORD_HEADER_SIZE + op(i).length;
    }
    byte[] next = RawSegments.record(4, 1, op(4));
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.seek(end);
      f.write(next, 0, next.length - 2); // the last bytes never reached the disk
    }
    assertRecoveredTo(3);
  }

  @Test
  void closedSegmentHasNoPadding() throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      JournalWriter w = journal.openForWrite(1);
      w.appendAndSync(ops(1, 3));
      w.rollSegment();
      w.appendAndSync(ops(4, 1));
      w.close();
    }
    long first = SegmentFormat.HEADER_SIZE;
    for (int i = 1; i <= 3; i++) {
      first += SegmentFormat.RECORD_HEADER_SIZE + op(i).length;
    }
    assertEquals(first, Files.size(RawSegments.finished(dir, 1, 3)));
    assertEquals(SegmentFormat.HEADER_SIZE + SegmentFormat.RECORD_HEADER_SIZE + op(4).length,
        Files.size(RawSegments.finished(dir, 4, 4)));
  }

  private void assertRecoveredTo(long lastTxId) throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      assertEquals(range(1, lastTxId), txIds(readAll(journal, 1)), "readers stop at the tail");
      JournalWriter w = journal.openForWrite(2);
      assertEquals(lastTxId, journal.getLastTxId());
      assertEquals(lastTxId + 1, w.appendAndSync(List.of(op(lastTxId + 1))));
      List<JournalRecord> all = readAll(journal, 1);
      assertEquals(range(1, lastTxId + 1), txIds(all));
      for (JournalRecord r : all) {
        assertArrayEquals(op(r.txId()), r.payload());
      }
    }
    assertTrue(Files.exists(RawSegments.finished(dir, 1, lastTxId)));
  }

  /** Size of the pages a crash can lose independently of each other (the usual 4 KiB). */
  private static final int PAGE = 4096;

  /**
   * Issue 8 defect 12: a crash during the fsync of the final batch (one sync of many pages)
   * left a later page of it on disk and an earlier one as the preallocated zeros. None of its
   * records were acknowledged, so this is a torn tail, not corruption: the journal opens at
   * the last acknowledged record and appends after it.
   */
  @Test
  void finalBatchWithAnEarlierPageMissingIsATornTail() throws Exception {
    Path segment = crashDuringFinalBatch(10, ops(11, 3000));
    long batchStart = acknowledgedEnd;
    zero(segment, pageAfter(batchStart) + PAGE, PAGE);
    assertRecoveredTo(10);
  }

  /** As above, but the page holding the start of the batch is the one that never got written. */
  @Test
  void finalBatchWithItsFirstPageMissingIsATornTail() throws Exception {
    Path segment = crashDuringFinalBatch(10, ops(11, 3000));
    long batchStart = acknowledgedEnd;
    zero(segment, batchStart, pageAfter(batchStart) + PAGE - batchStart);
    assertRecoveredTo(10);
  }

  /** A final batch of several MiB (many pages, whole records in its later part) torn early. */
  @Test
  void largeFinalBatchWithAnEarlierPageMissingIsATornTail() throws Exception {
    List<byte[]> big = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] payload = new byte[64 * 1024];
      Arrays.fill(payload, (byte) ('a' + i % 26));
      big.add(payload);
    }
    Path segment = crashDuringFinalBatch(10, big);
    zero(segment, pageAfter(acknowledgedEnd) + 2 * PAGE, PAGE);
    assertRecoveredTo(10);
  }

  /** End of the data the writer had synced and acknowledged before the final batch. */
  private long acknowledgedEnd;

  /**
   * Writes txids 1..acknowledged through the real writer (acknowledged), then {@code batch} as
   * one more sync, and "crashes" during that sync's fsync: the writer dies with the segment in
   * progress, and the test then takes pages of the final batch away, as the crash would have.
   * Sets {@link #acknowledgedEnd}. Format-agnostic: offsets are found on disk, not computed.
   */
  private Path crashDuringFinalBatch(int acknowledged, List<byte[]> batch) throws Exception {
    FileJournal journal = new FileJournal(dir);
    JournalWriter w = journal.openForWrite(1);
    w.appendAndSync(ops(1, acknowledged));
    Path segment = RawSegments.inProgress(dir, 1);
    acknowledgedEnd = dataEnd(segment);
    w.appendAndSync(batch);
    long batchEnd = dataEnd(segment);
    assertTrue(batchEnd > pageAfter(acknowledgedEnd) + 4 * PAGE,
        "precondition: the final batch spans many pages, " + acknowledgedEnd + ".." + batchEnd);
    // No close: the writer dies in the final batch's fsync, which never returned to anyone.
    return segment;
  }

  /** Offset just past the last non-zero byte: the end of what the writer wrote. */
  private static long dataEnd(Path segment) throws Exception {
    byte[] b = Files.readAllBytes(segment);
    int end = b.length;
    while (end > 0 && b[end - 1] == 0) {
      end--;
    }
    return end;
  }

  /** The first page boundary at or after {@code offset}. */
  private static long pageAfter(long offset) {
    return (offset + PAGE - 1) / PAGE * PAGE;
  }

  private static void zero(Path file, long offset, long length) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      f.write(new byte[(int) length]);
    }
  }

  @Test
  void choppedLastRecordIsTruncated() throws Exception {
    Path segment = crashAfterWriting(5);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(f.length() - 3);
    }
    assertRecoveredTo(4);
  }

  @Test
  void halfRecordAppendedIsTruncated() throws Exception {
    Path segment = crashAfterWriting(3);
    byte[] next = RawSegments.record(4, 1, new byte[100]);
    Files.write(segment, Arrays.copyOf(next, 40), StandardOpenOption.APPEND);
    assertRecoveredTo(3);
  }

  @Test
  void lastRecordFailingItsCrcIsTruncated() throws Exception {
    Path segment = crashAfterWriting(3);
    byte[] next = RawSegments.record(4, 1, op(4));
    next[next.length - 1] ^= 0x5a;
    Files.write(segment, next, StandardOpenOption.APPEND);
    assertRecoveredTo(3);
  }

  @Test
  void zeroFilledTailIsTruncated() throws Exception {
    Path segment = crashAfterWriting(3);
    Files.write(segment, new byte[4096], StandardOpenOption.APPEND);
    assertRecoveredTo(3);
  }

  @Test
  void damagedRecordBeforeTheTailIsCorruption() throws Exception {
    Path segment = crashAfterWriting(5);
    long recordSize = SegmentFormat.RECORD_HEADER_SIZE + op(1).length;
    long offsetOfTx2 = SegmentFormat.HEADER_SIZE + recordSize;
    flipByte(segment, offsetOfTx2 + SegmentFormat.RECORD_HEADER_SIZE + 1);

    try (FileJournal journal = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("offset " + offsetOfTx2), e.getMessage());
      assertTrue(e.getMessage().contains("txid 2"), e.getMessage());

      try (JournalReader reader = journal.readFrom(1)) {
        assertEquals(1, reader.next().txId());
        assertThrows(CorruptJournalException.class, reader::next);
      }
    }
    assertEquals(true, Files.exists(segment), "nothing was truncated or finished");
  }

  @Test
  void damagedLengthFieldBeforeTheTailIsCorruptionNotATornTail() throws Exception {
    Path segment = crashAfterWriting(20);
    long offsetOfTx2 = SegmentFormat.HEADER_SIZE + SegmentFormat.RECORD_HEADER_SIZE + op(1).length;
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.seek(offsetOfTx2);
      f.writeInt(1 << 20); // a plausible length that now runs past the end of the file
    }
    try (FileJournal journal = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains("offset " + offsetOfTx2), e.getMessage());
    }
    assertEquals(true, Files.exists(segment), "nothing was truncated");
  }

  @Test
  void txidGapInsideASegmentIsCorruption() throws Exception {
    Path segment = RawSegments.inProgress(dir, 1);
    RawSegments.write(segment, 1, RawSegments.record(1, 1, op(1)),
        RawSegments.record(3, 1, op(3)), RawSegments.record(4, 1, op(4)));
    assertCorruptOnOpenAndRead("txid 3");
  }

  @Test
  void repeatedTxidIsCorruption() throws Exception {
    Path segment = RawSegments.inProgress(dir, 1);
    RawSegments.write(segment, 1, RawSegments.record(1, 1, op(1)),
        RawSegments.record(1, 1, op(1)), RawSegments.record(2, 1, op(2)));
    assertCorruptOnOpenAndRead("txid 1");
  }

  @Test
  void gapBetweenSegmentsIsCorruption() throws Exception {
    RawSegments.write(RawSegments.finished(dir, 1, 2), 1, RawSegments.record(1, 1, op(1)),
        RawSegments.record(2, 1, op(2)));
    RawSegments.write(RawSegments.finished(dir, 5, 5), 5, RawSegments.record(5, 1, op(5)));
    assertCorruptOnOpenAndRead("gap");
  }

  @Test
  void finishedSegmentCutShortIsCorruption() throws Exception {
    RawSegments.write(RawSegments.finished(dir, 1, 3), 1, RawSegments.record(1, 1, op(1)),
        RawSegments.record(2, 1, op(2)));
    try (FileJournal journal = new FileJournal(dir)) {
      try (JournalReader reader = journal.readFrom(1)) {
        reader.next();
        reader.next();
        assertThrows(CorruptJournalException.class, reader::next);
      }
    }
  }

  private void assertCorruptOnOpenAndRead(String messagePart) throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains(messagePart), e.getMessage());
      assertThrows(CorruptJournalException.class, () -> readAll(journal, 1));
    }
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0xff);
    }
  }
}
