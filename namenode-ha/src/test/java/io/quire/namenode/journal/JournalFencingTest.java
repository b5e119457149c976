package io.quire.namenode.journal;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.testing.TargetDirs;
import io.quire.protocol.exceptions.FencedException;
import io.quire.testing.Timing;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A newer epoch fences older writers, whichever journal instance opened them. */
class JournalFencingTest {

  @Test
  void newerEpochInAnotherInstanceFencesTheOldWriter(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    try (FileJournal first = new FileJournal(dir); FileJournal second = new FileJournal(dir)) {
      JournalWriter w1 = first.openForWrite(1);
      assertEquals(1, w1.appendAndSync(List.of(op(1))));

      JournalWriter w2 = second.openForWrite(2);
      long buffered = w1.append(List.of(op(99))); // only buffered: the disk check comes at sync
      assertThrows(FencedException.class, () -> w1.awaitSync(buffered));
      assertThrows(FencedException.class, () -> w1.append(List.of(op(100))));
      assertThrows(FencedException.class, w1::rollSegment);

      assertEquals(2, w2.appendAndSync(List.of(op(2))));
      List<JournalRecord> records = readAll(second, 1);
      assertEquals(List.of(1L, 2L), JournalTestSupport.txIds(records));
      assertEquals(1, records.get(0).epoch());
      assertEquals(2, records.get(1).epoch());
      assertEquals(2, first.getPromisedEpoch());
    }
  }

  @Test
  void aWriterThatSyncedManyTimesIsFencedByEachLaterPromise(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    try (FileJournal first = new FileJournal(dir); FileJournal second = new FileJournal(dir);
        FileJournal third = new FileJournal(dir)) {
      JournalWriter w1 = first.openForWrite(1);
      for (int i = 1; i <= 20; i++) {
        assertEquals(i, w1.appendAndSync(List.of(op(i))));
      }
      JournalWriter w2 = second.openForWrite(2);
      assertThrows(FencedException.class, () -> w1.appendAndSync(List.of(op(99))));
      for (int i = 1; i <= 5; i++) {
        w2.appendAndSync(List.of(op(i)));
      }
      JournalWriter w3 = third.openForWrite(3);
      assertThrows(FencedException.class, () -> w2.appendAndSync(List.of(op(99))));
      assertEquals(3, w3.getEpoch());
    }
  }

  @Test
  void openingWithAnEpochNotAboveThePromiseFails(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    try (FileJournal journal = new FileJournal(dir)) {
      journal.openForWrite(5);
      assertThrows(FencedException.class, () -> journal.openForWrite(5));
      assertThrows(FencedException.class, () -> journal.openForWrite(3));
    }
    try (FileJournal reopened = new FileJournal(dir)) {
      assertEquals(5, reopened.getPromisedEpoch());
      assertThrows(FencedException.class, () -> reopened.openForWrite(5));
      reopened.openForWrite(6);
    }
  }

  @Test
  void reopeningInTheSameInstanceFencesThePreviousWriter(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    try (FileJournal journal = new FileJournal(dir)) {
      JournalWriter w1 = journal.openForWrite(1);
      w1.appendAndSync(List.of(op(1)));
      JournalWriter w2 = journal.openForWrite(2);
      assertThrows(FencedException.class, () -> w1.append(List.of(op(2))));
      assertEquals(2, w2.appendAndSync(List.of(op(2))));
      assertEquals(2, journal.getLastTxId());
    }
  }

  @Test
  void acknowledgedRecordsOfADeposedWriterSurviveATakeoverMidStream(TestInfo info)
      throws Exception {
    Path dir = TargetDirs.fresh(info);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (FileJournal first = new FileJournal(dir); FileJournal second = new FileJournal(dir)) {
      JournalWriter w1 = first.openForWrite(1);
      AtomicLong lastAcked = new AtomicLong();
      Future<Exception> deposed = pool.submit(() -> {
        try {
          while (true) {
            lastAcked.set(w1.appendAndSync(List.of(op(lastAcked.get() + 1))));
          }
        } catch (Exception e) {
          return e;
        }
      });
      await().atMost(Timing.seconds(30)).until(() -> lastAcked.get() >= 50);

      JournalWriter w2 = second.openForWrite(2);
      assertInstanceOf(FencedException.class, deposed.get(30, TimeUnit.SECONDS));
      long recovered = second.getLastTxId();
      assertTrue(recovered >= lastAcked.get(),
          "acknowledged txid " + lastAcked.get() + " lost; recovered only " + recovered);

      assertEquals(recovered + 1, w2.appendAndSync(List.of(op(recovered + 1))));
      List<JournalRecord> records = readAll(second, 1);
      assertEquals(JournalTestSupport.range(1, recovered + 1), JournalTestSupport.txIds(records));
      assertTrue(records.subList(0, (int) recovered).stream().allMatch(r -> r.epoch() == 1));
      assertEquals(2, records.get((int) recovered).epoch());
    } finally {
      pool.shutdownNow();
    }
  }
}
