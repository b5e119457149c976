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
