package io.quire.namenode.journal;

import static io.quire.namenode.journal.JournalRecoveryTest.assertRecoveredTo;
import static io.quire.namenode.journal.JournalRecoveryTest.flipByte;
import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.TargetDirs;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Segments of format version 1 (records without chunks, as written before version 2) are still
 * read, with the version 1 tail rules: a torn tail is cut at the last whole record, damage
 * before it stops everything. A writer finishes them as they are and writes version 2 after.
 */
class JournalRecoveryV1Test {
  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    dir = TargetDirs.fresh(info);
  }

  /** An in-progress version 1 segment holding txids 1..count (epoch 1), nothing after them. */
  private Path v1Segment(int count) throws Exception {
    byte[][] records = new byte[count][];
    for (int i = 1; i <= count; i++) {
      records[i - 1] = RawSegments.record(i, 1, op(i));
    }
    Path segment = RawSegments.inProgress(dir, 1);
    RawSegments.write(segment, 1, records);
    return segment;
  }

  private static long offsetOfRecord(long txId) {
    long offset = SegmentFormat.HEADER_SIZE;
    for (long i = 1; i < txId; i++) {
      offset += RawSegments.record(i, 1, op(i)).length;
    }
    return offset;
  }

  @Test
  void upgradeFinishesTheV1SegmentAndWritesVersion2After() throws Exception {
    Path segment = v1Segment(3);
    Files.write(segment, Arrays.copyOf(RawSegments.record(4, 1, op(4)), 20),
        StandardOpenOption.APPEND);
    assertRecoveredTo(dir, 3);
    assertEquals(SegmentFormat.VERSION_1, versionOf(RawSegments.finished(dir, 1, 3)));
    assertEquals(offsetOfRecord(4), Files.size(RawSegments.finished(dir, 1, 3)));
    assertEquals(SegmentFormat.VERSION, versionOf(RawSegments.finished(dir, 4, 4)));
    try (FileJournal journal = new FileJournal(dir)) {
      assertEquals(range(1, 4), txIds(readAll(journal, 1)));
    }
  }

  private static int versionOf(Path segment) throws Exception {
    return ByteBuffer.wrap(Files.readAllBytes(segment)).getInt(4);
  }

  @Test
  void choppedLastRecordIsTruncated() throws Exception {
    Path segment = v1Segment(5);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(f.length() - 3);
    }
    assertRecoveredTo(dir, 4);
  }

  @Test
  void lastRecordFailingItsCrcIsTruncated() throws Exception {
    Path segment = v1Segment(3);
    byte[] next = RawSegments.record(4, 1, op(4));
    next[next.length - 1] ^= 0x5a;
    Files.write(segment, next, StandardOpenOption.APPEND);
    assertRecoveredTo(dir, 3);
  }

  @Test
  void zeroFilledTailIsTruncated() throws Exception {
    Path segment = v1Segment(3);
    Files.write(segment, new byte[4096], StandardOpenOption.APPEND);
    assertRecoveredTo(dir, 3);
  }

  @Test
  void damagedRecordBeforeTheTailIsCorruption() throws Exception {
    Path segment = v1Segment(5);
    long offsetOfTx2 = offsetOfRecord(2);
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
    assertTrue(Files.exists(segment), "nothing was truncated or finished");
  }

  @Test
  void damagedLengthFieldBeforeTheTailIsCorruptionNotATornTail() throws Exception {
    Path segment = v1Segment(20);
    long offsetOfTx2 = offsetOfRecord(2);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.seek(offsetOfTx2);
      f.writeInt(1 << 20); // a plausible length that now runs past the end of the file
    }
    assertCorruptOnOpenAndRead("offset " + offsetOfTx2);
    assertTrue(Files.exists(segment), "nothing was truncated");
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

  @Test
  void finishedV1SegmentsAreReadBeforeVersion2Ones() throws Exception {
    RawSegments.write(RawSegments.finished(dir, 1, 2), 1, RawSegments.record(1, 1, op(1)),
        RawSegments.record(2, 1, op(2)));
    RawSegments.writeV2(RawSegments.finished(dir, 3, 4), 3,
        RawSegments.sync(3, 2, List.of(op(3), op(4))));
    try (FileJournal journal = new FileJournal(dir)) {
      assertEquals(range(1, 4), txIds(readAll(journal, 1)));
      assertEquals(4, journal.getLastTxId());
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
}
