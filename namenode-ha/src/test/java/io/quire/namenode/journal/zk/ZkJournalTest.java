package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writing, reading, tailing and waiting on a {@link ZkJournal}. */
@Timeout(120)
class ZkJournalTest extends ZkServerTest {
  /** Appends txids 1..count in syncs of {@code perSync} records. */
  private static void write(JournalWriter w, long count, int perSync) throws Exception {
    for (long tx = w.getLastAppendedTxId() + 1; tx <= count; tx += perSync) {
      w.appendAndSync(ops(tx, (int) Math.min(perSync, count - tx + 1)));
    }
  }

  @Test
  void emptyJournal() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      assertEquals(0, journal.getLastTxId());
      assertEquals(0, journal.getPromisedEpoch());
      assertEquals(List.of(), readAll(journal, 1));
    }
  }

  @Test
  void roundTripAcrossManyBatchesAndBuckets() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = journal.openForWrite(1);
      write(w, 25_000, 700);
      assertEquals(25_000, journal.getLastTxId());
      assertEquals(1, journal.getPromisedEpoch());

      List<JournalRecord> records = readAll(journal, 1);
      assertEquals(range(1, 25_000), txIds(records));
      for (JournalRecord r : records) {
        assertArrayEquals(op(r.txId()), r.payload());
        assertEquals(1, r.epoch());
      }
      ZkLayout layout = new ZkLayout(root);
      assertEquals(List.of(ZkLayout.name(0), ZkLayout.name(10_000), ZkLayout.name(20_000)),
          client.getChildren().forPath(layout.batches()).stream().sorted().toList());
      // A batch never spans a bucket: 9,999 / 700 and the bucket edges make the names.
      assertTrue(client.checkExists().forPath(layout.batch(10_000)) != null);
      assertTrue(client.checkExists().forPath(layout.batch(20_000)) != null);
    }
  }

  @Test
  void readFromTheMiddleAndBeyondTheEnd() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = journal.openForWrite(1);
      write(w, 12_500, 1000);
      assertEquals(range(12_345, 12_500), txIds(readAll(journal, 12_345)));
      assertEquals(range(9_999, 12_500), txIds(readAll(journal, 9_999)));
      assertEquals(range(10_000, 12_500), txIds(readAll(journal, 10_000)));
      assertEquals(List.of(), txIds(readAll(journal, 12_501)));

      try (JournalReader reader = journal.readFrom(12_503)) {
        assertNull(reader.next());
        w.appendAndSync(ops(12_501, 5));
        assertEquals(12_503, reader.next().txId());
        assertEquals(12_504, reader.next().txId());
        assertEquals(12_505, reader.next().txId());
        assertNull(reader.next());
      }
    }
  }

  @Test
  void readerTailsTheWriter() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = journal.openForWrite(1);
      try (JournalReader reader = journal.readFrom(1)) {
        assertNull(reader.next());
        w.appendAndSync(ops(1, 2));
        assertEquals(1, reader.next().txId());
        assertEquals(2, reader.next().txId());
        assertNull(reader.next());
        w.rollSegment(); // no segments: a no-op beyond syncing
        w.appendAndSync(ops(3, 1));
        assertEquals(3, reader.next().txId());
        assertNull(reader.next());
      }
    }
  }

  @Test
  void awaitRecordWakesOnANewBatch() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = journal.openForWrite(1);
      w.appendAndSync(ops(1, 5));
      assertTrue(journal.awaitRecord(3, 0), "inside the existing batch");
      assertFalse(journal.awaitRecord(6, 100), "nobody writes txid 6");

      CompletableFuture<Boolean> next = waitFor(journal, 6);
      CompletableFuture<Boolean> later = waitFor(journal, 8);
      w.appendAndSync(ops(6, 1));
      assertTrue(next.get(30, TimeUnit.SECONDS));
      w.appendAndSync(ops(7, 3)); // txid 8 is inside the batch named 7
      assertTrue(later.get(30, TimeUnit.SECONDS));
    }
  }

  private static CompletableFuture<Boolean> waitFor(ZkJournal journal, long txId) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return journal.awaitRecord(txId, 60_000);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  @Test
  void reopenContinuesTxIdsWithTheNewEpoch() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      journal.openForWrite(1).appendAndSync(ops(1, 3));
    }
    try (ZkJournal journal = new ZkJournal(client, root, "nn2", ZkJournalOptions.defaults())) {
      JournalWriter w = journal.openForWrite(2);
      assertEquals(3, w.getLastAppendedTxId());
      assertEquals(4, w.appendAndSync(List.of(op(4))));
      List<JournalRecord> records = readAll(journal, 1);
      assertEquals(range(1, 4), txIds(records));
      assertEquals(List.of(1L, 1L, 1L, 2L), records.stream().map(JournalRecord::epoch).toList());
    }
  }

  @Test
  void closeSyncsWhatIsPending() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = journal.openForWrite(1);
      w.append(ops(1, 4));
      w.close();
      assertEquals(4, journal.getLastTxId());
    }
  }
}
