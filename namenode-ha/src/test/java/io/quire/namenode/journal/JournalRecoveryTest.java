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

import io.quire.testing.TargetDirs;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Recovery of segments as the writer writes them (format version 2, records in chunks, one or
 * more per sync): a torn final sync is cut at its start; damage before a later sync stops
 * everything. Version 1 segments: {@link JournalRecoveryV1Test}.
 */
class JournalRecoveryTest {
  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    dir = TargetDirs.fresh(info);
  }

  /** Offset of the sync of txid {@code txId} when every txid from 1 had a sync of its own. */
  private static long offsetOfSync(long txId) throws Exception {
    long offset = SegmentFormat.HEADER_SIZE;
    for (long i = 1; i < txId; i++) {
      offset += RawSegments.sync(i, 1, List.of(op(i))).length;
    }
    return offset;
  }

  /**
   * Writes txids 1..count with epoch 1, each in a sync of its own, and "crashes": the
   * in-progress segment stays, with the writer's preallocated zero padding cut off so tests
   * can craft damage at the records' end.
   */
  private Path crashAfterWriting(int count) throws Exception {
    Path segment = crashAfterWritingPreallocated(count);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(offsetOfSync(count + 1));
    }
    return segment;
  }

  /** As {@link #crashAfterWriting} but the segment keeps its preallocated padding. */
  private Path crashAfterWritingPreallocated(int count) throws Exception {
    FileJournal journal = new FileJournal(dir);
    JournalWriter w = journal.openForWrite(1);
    for (int i = 1; i <= count; i++) {
      w.appendAndSync(List.of(op(i)));
    }
    // No close: the writer dies with its segment in progress.
    return RawSegments.inProgress(dir, 1);
  }

  @Test
  void writerWritesOneChunkPerSmallSync() throws Exception {
    Path segment = crashAfterWritingPreallocated(3);
    byte[] expected = new byte[(int) offsetOfSync(4)];
    ByteBuffer b = ByteBuffer.wrap(expected).put(SegmentFormat.header(1));
    for (int i = 1; i <= 3; i++) {
      b.put(RawSegments.sync(i, 1, List.of(op(i))));
    }
    byte[] actual = Arrays.copyOf(Files.readAllBytes(segment), expected.length);
    assertArrayEquals(expected, actual);
  }

  @Test
  void preallocatedPaddingIsTheEndOfTheRecords() throws Exception {
    Path segment = crashAfterWritingPreallocated(5);
    assertEquals(SegmentFormat.HEADER_SIZE + FencedSegmentOutput.PREALLOCATE_BYTES,
        Files.size(segment),
        "the writer extends the segment in preallocated extensions");
    assertRecoveredTo(5);
    assertEquals(offsetOfSync(6), Files.size(RawSegments.finished(dir, 1, 5)),
        "recovery cuts the padding off the finished segment");
  }

  @Test
  void syncTornInsidePreallocatedPaddingIsTruncated() throws Exception {
    Path segment = crashAfterWritingPreallocated(3);
    byte[] next = RawSegments.sync(4, 1, List.of(op(4)));
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.seek(offsetOfSync(4));
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
    assertEquals(SegmentFormat.HEADER_SIZE + RawSegments.sync(1, 1, ops(1, 3)).length,
        Files.size(RawSegments.finished(dir, 1, 3)));
    assertEquals(SegmentFormat.HEADER_SIZE + RawSegments.sync(4, 1, ops(4, 1)).length,
        Files.size(RawSegments.finished(dir, 4, 4)));
  }

  /**
   * Opens the journal in {@code dir}: readers see txids 1..lastTxId, the writer recovers to
   * lastTxId and appends after it; segment 1 is finished at lastTxId.
   */
  static void assertRecoveredTo(Path dir, long lastTxId) throws Exception {
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

  private void assertRecoveredTo(long lastTxId) throws Exception {
    assertRecoveredTo(dir, lastTxId);
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

  /**
   * The same damage, but a later sync follows the damaged one on disk: the later sync was
   * written only after the damaged one's fsync returned, so the damaged one was acknowledged.
   */
  @Test
  void damagedSyncFollowedByALaterSyncIsCorruption() throws Exception {
    FileJournal journal = new FileJournal(dir);
    JournalWriter w = journal.openForWrite(1);
    w.appendAndSync(ops(1, 10));
    Path segment = RawSegments.inProgress(dir, 1);
    long damagedStart = dataEnd(segment);
    w.appendAndSync(ops(11, 3000));
    long damagedEnd = dataEnd(segment);
    w.appendAndSync(ops(3011, 5));
    zero(segment, pageAfter(damagedStart) + PAGE, PAGE);
    assertTrue(pageAfter(damagedStart) + 2 * PAGE < damagedEnd, "precondition");
    // No close: the writer dies after the third sync.

    try (FileJournal reopened = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> reopened.openForWrite(2));
      assertTrue(e.getMessage().contains(segment.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("offset " + damagedStart), e.getMessage());
      assertTrue(e.getMessage().contains("txid 11"), e.getMessage());
      try (JournalReader reader = reopened.readFrom(1)) {
        for (long t = 1; t <= 10; t++) {
          assertEquals(t, reader.next().txId());
        }
        assertThrows(CorruptJournalException.class, reader::next);
      }
    }
    assertTrue(Files.exists(segment), "nothing was truncated or finished");
  }

  @Test
  void choppedLastSyncIsTruncated() throws Exception {
    Path segment = crashAfterWriting(5);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(f.length() - 3);
    }
    assertRecoveredTo(4);
  }

  @Test
  void halfSyncAppendedIsTruncated() throws Exception {
    Path segment = crashAfterWriting(3);
    byte[] next = RawSegments.sync(4, 1, List.of(new byte[100]));
    Files.write(segment, Arrays.copyOf(next, 40), StandardOpenOption.APPEND);
    assertRecoveredTo(3);
  }

  @Test
  void lastSyncFailingItsCrcIsTruncated() throws Exception {
    Path segment = crashAfterWriting(3);
    byte[] next = RawSegments.sync(4, 1, List.of(op(4)));
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
    long offsetOfTx2 = offsetOfSync(2);
    flipByte(segment, offsetOfTx2 + SegmentFormat.CHUNK_HEADER_SIZE
        + SegmentFormat.RECORD_HEADER_SIZE + 1);

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
    long offsetOfTx2 = offsetOfSync(2);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.seek(offsetOfTx2 + 4);
      f.writeInt(1 << 20); // a plausible records length that now runs past the end of the file
    }
    try (FileJournal journal = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains("offset " + offsetOfTx2), e.getMessage());
    }
    assertEquals(true, Files.exists(segment), "nothing was truncated");
  }

  /** A later chunk of the damaged sync itself (same syncFirstTxId) is no evidence. */
  @Test
  void damagedChunkFollowedOnlyByChunksOfItsOwnSyncIsATornTail() throws Exception {
    byte[] damaged = RawSegments.chunk(3, RawSegments.record(3, 1, op(3)));
    damaged[damaged.length - 1] ^= 0x01;
    RawSegments.writeV2(RawSegments.inProgress(dir, 1), 1,
        RawSegments.chunk(1, RawSegments.record(1, 1, op(1)), RawSegments.record(2, 1, op(2))),
        damaged,
        RawSegments.chunk(3, RawSegments.record(4, 1, op(4))),
        RawSegments.chunk(3, RawSegments.record(5, 1, op(5))));
    assertRecoveredTo(2);
  }

  /** A whole chunk of the damaged sync survives, a later chunk of it is damaged: cut there. */
  @Test
  void wholeChunksOfTheTornSyncBeforeTheDamageAreKept() throws Exception {
    byte[] damaged = RawSegments.chunk(3, RawSegments.record(4, 1, op(4)));
    damaged[SegmentFormat.CHUNK_HEADER_SIZE + 2] ^= 0x01;
    RawSegments.writeV2(RawSegments.inProgress(dir, 1), 1,
        RawSegments.chunk(1, RawSegments.record(1, 1, op(1)), RawSegments.record(2, 1, op(2))),
        RawSegments.chunk(3, RawSegments.record(3, 1, op(3))),
        damaged);
    assertRecoveredTo(3);
  }

  @Test
  void damagedChunkFollowedByALaterSyncsChunkIsCorruption() throws Exception {
    byte[] first = RawSegments.chunk(1, RawSegments.record(1, 1, op(1)));
    byte[] damaged = RawSegments.chunk(2, RawSegments.record(2, 1, op(2)));
    damaged[SegmentFormat.CHUNK_HEADER_SIZE + SegmentFormat.RECORD_HEADER_SIZE] ^= 0x01;
    Path segment = RawSegments.inProgress(dir, 1);
    RawSegments.writeV2(segment, 1, first, damaged,
        RawSegments.chunk(3, RawSegments.record(3, 1, op(3))));
    long offset = SegmentFormat.HEADER_SIZE + first.length;
    try (FileJournal journal = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains(segment.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
      assertTrue(e.getMessage().contains("txid 2"), e.getMessage());
    }
  }

  @Test
  void chunkClaimingAnotherSyncIsCorruption() throws Exception {
    RawSegments.writeV2(RawSegments.inProgress(dir, 1), 1,
        RawSegments.chunk(1, RawSegments.record(1, 1, op(1))),
        RawSegments.chunk(1, RawSegments.record(2, 1, op(2))), // continues sync 1: fine
        RawSegments.chunk(2, RawSegments.record(3, 1, op(3))), // neither 3 nor sync 1
        RawSegments.chunk(4, RawSegments.record(4, 1, op(4))));
    assertCorruptOnOpenAndRead("sync starts at txid 2");
  }

  @Test
  void txidGapInsideAChunkIsCorruption() throws Exception {
    RawSegments.writeV2(RawSegments.inProgress(dir, 1), 1,
        RawSegments.chunk(1, RawSegments.record(1, 1, op(1)), RawSegments.record(3, 1, op(3))));
    assertCorruptOnOpenAndRead("txid 3");
  }

  @Test
  void recordFailingItsCrcInACrcValidChunkIsCorruption() throws Exception {
    byte[] bad = RawSegments.record(2, 1, op(2));
    bad[bad.length - 1] ^= 0x01;
    RawSegments.writeV2(RawSegments.inProgress(dir, 1), 1,
        RawSegments.chunk(1, RawSegments.record(1, 1, op(1)), bad));
    assertCorruptOnOpenAndRead("CRC32C mismatch");
  }

  /** A reader tailing the segment stops before a sync being written, then reads it whole. */
  @Test
  void readerTailingAPartlyWrittenSyncReadsItOnceWhole() throws Exception {
    Path segment = RawSegments.inProgress(dir, 1);
    byte[] second = RawSegments.sync(2, 1, List.of(op(2), op(3)));
    RawSegments.writeV2(segment, 1, RawSegments.sync(1, 1, List.of(op(1))),
        Arrays.copyOf(second, second.length - 5));
    try (SegmentScanner scanner = new SegmentScanner(segment, 1)) {
      assertEquals(1, scanner.next().txId());
      assertEquals(null, scanner.next());
      assertTrue(scanner.tornReason().contains("runs past the end"), scanner.tornReason());
      try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
        f.seek(f.length());
        f.write(second, second.length - 5, 5);
        f.write(RawSegments.sync(4, 1, List.of(op(4))));
      }
      assertEquals(2, scanner.next().txId());
      assertEquals(3, scanner.next().txId());
      assertEquals(4, scanner.next().txId());
      assertEquals(null, scanner.next());
      assertEquals(null, scanner.tornReason(), "a clean end");
      assertEquals(Files.size(segment), scanner.validEnd());
    }
  }

  @Test
  void unknownVersionIsIncompatibleStorage() throws Exception {
    Path segment = RawSegments.inProgress(dir, 1);
    RawSegments.writeVersion(segment, 3, 1, RawSegments.record(1, 1, op(1)));
    try (FileJournal journal = new FileJournal(dir)) {
      IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains("version 3"), e.getMessage());
      assertThrows(IncompatibleStorageException.class, () -> readAll(journal, 1));
    }
    assertTrue(Files.exists(segment), "nothing was truncated or finished");
  }

  private void assertCorruptOnOpenAndRead(String messagePart) throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> journal.openForWrite(2));
      assertTrue(e.getMessage().contains(messagePart), e.getMessage());
      assertThrows(CorruptJournalException.class, () -> readAll(journal, 1));
    }
  }

  static void flipByte(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0xff);
    }
  }
}
