package io.quire.namenode.journal;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.TargetDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Writing, reading, rolling, tailing and purging a {@link FileJournal}. */
class FileJournalTest {
  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    dir = TargetDirs.fresh(info);
  }

  /** Writes txids 1..6 in segments 1-3, 4-5 and 6-6 and closes the journal. */
  private void writeThreeSegments() throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      JournalWriter w = journal.openForWrite(1);
      assertEquals(3, w.appendAndSync(ops(1, 3)));
      w.rollSegment();
      assertEquals(5, w.appendAndSync(ops(4, 2)));
      w.rollSegment();
      w.rollSegment(); // empty segment: no-op
      assertEquals(6, w.appendAndSync(ops(6, 1)));
    }
  }

  @Test
  void roundTripAcrossRolls() throws Exception {
    writeThreeSegments();
    assertTrue(Files.exists(RawSegments.finished(dir, 1, 3)));
    assertTrue(Files.exists(RawSegments.finished(dir, 4, 5)));
    assertTrue(Files.exists(RawSegments.finished(dir, 6, 6)));
    try (FileJournal journal = new FileJournal(dir)) {
      assertEquals(6, journal.getLastTxId());
      assertEquals(1, journal.getPromisedEpoch());
      List<JournalRecord> records = readAll(journal, 1);
      assertEquals(range(1, 6), txIds(records));
      for (JournalRecord r : records) {
        assertArrayEquals(op(r.txId()), r.payload());
        assertEquals(1, r.epoch());
      }
    }
  }

  @Test
  void readFromTheMiddle() throws Exception {
    writeThreeSegments();
    try (FileJournal journal = new FileJournal(dir)) {
      assertEquals(range(2, 6), txIds(readAll(journal, 2)));
      assertEquals(range(4, 6), txIds(readAll(journal, 4)));
      assertEquals(range(5, 6), txIds(readAll(journal, 5)));
      assertEquals(List.of(), txIds(readAll(journal, 7)));
    }
  }

  @Test
  void reopenContinuesTxIdsWithNewEpoch() throws Exception {
    writeThreeSegments();
    try (FileJournal journal = new FileJournal(dir)) {
      JournalWriter w = journal.openForWrite(2);
      assertEquals(7, w.appendAndSync(List.of(op(7))));
      assertEquals(7, journal.getLastTxId());
      JournalRecord last = readAll(journal, 7).get(0);
      assertEquals(2, last.epoch());
    }
  }

  @Test
  void readerTailsTheWriterAcrossRolls() throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      JournalWriter w = journal.openForWrite(1);
      try (JournalReader reader = journal.readFrom(1)) {
        assertNull(reader.next());
        w.appendAndSync(ops(1, 2));
        assertEquals(1, reader.next().txId());
        assertEquals(2, reader.next().txId());
        assertNull(reader.next());
        w.rollSegment();
        w.appendAndSync(ops(3, 1));
        assertEquals(3, reader.next().txId());
        assertNull(reader.next());
      }
    }
  }

  @Test
  void purgeKeepsSegmentsAtOrAfterTheTxidAndTheNewestSegment() throws Exception {
    writeThreeSegments();
    try (FileJournal journal = new FileJournal(dir)) {
      journal.purgeBefore(5);
      assertTrue(Files.notExists(RawSegments.finished(dir, 1, 3)));
      assertTrue(Files.exists(RawSegments.finished(dir, 4, 5)), "holds txid 5");
      assertEquals(range(5, 6), txIds(readAll(journal, 5)));
      assertThrows(TxIdNotRetainedException.class, () -> journal.readFrom(3));

      journal.purgeBefore(100);
      assertTrue(Files.notExists(RawSegments.finished(dir, 4, 5)));
      assertTrue(Files.exists(RawSegments.finished(dir, 6, 6)), "the newest segment stays");
      assertEquals(6, journal.getLastTxId());
      assertEquals(7, journal.openForWrite(2).appendAndSync(List.of(op(7))));
    }
  }

  @Test
  void closeDropsAnEmptySegment() throws Exception {
    try (FileJournal journal = new FileJournal(dir)) {
      journal.openForWrite(1);
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("edits_")));
    }
    try (FileJournal journal = new FileJournal(dir)) {
      assertEquals(0, journal.getLastTxId());
      assertEquals(1, journal.openForWrite(2).appendAndSync(List.of(op(1))));
    }
  }
}
