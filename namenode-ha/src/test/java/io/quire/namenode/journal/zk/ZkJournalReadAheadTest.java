package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.journal.TxIdNotRetainedException;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readers fetching batches ahead ({@link ZkBatchWindow}): the same records as one batch at a
 * time, purges and damage inside the window, and tailing once the backlog is read.
 */
@Timeout(120)
class ZkJournalReadAheadTest extends ZkServerTest {

  private ZkJournal journal(int readAheadBatches) {
    return new ZkJournal(client, root, "nn1",
        ZkJournalOptions.defaults().withReadAheadBatches(readAheadBatches));
  }

  /** Appends txids up to {@code to} in batches of {@code sizes}, cycling through them. */
  private static void write(JournalWriter w, long to, int... sizes) throws Exception {
    int i = 0;
    for (long tx = w.getLastAppendedTxId() + 1; tx <= to; ) {
      int n = (int) Math.min(sizes[i++ % sizes.length], to - tx + 1);
      w.appendAndSync(ops(tx, n));
      tx += n;
    }
  }

  /** One-record batches 1..count, epoch 1. */
  private ZkJournal oneRecordBatches(int count, int readAheadBatches) throws Exception {
    ZkJournal journal = ZkTestSupport.formatted(client, root, ZkJournalOptions.defaults()
        .withReadAheadBatches(readAheadBatches));
    write(journal.openForWrite(1), count, 1);
    return journal;
  }

  private static List<String> describe(List<JournalRecord> records) {
    List<String> out = new ArrayList<>(records.size());
    for (JournalRecord r : records) {
      out.add(r.txId() + "/" + r.epoch() + "/" + new String(r.payload(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void readAheadReturnsWhatOneBatchAtATimeReturnsAcrossBuckets() throws Exception {
    try (ZkJournal writing = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = writing.openForWrite(1);
      // Many small batches of mixed sizes around each bucket edge, big ones in between; the
      // writer ends a batch at every edge. Epoch 2 from txid 15,001 on.
      write(w, 9_900, 700);
      write(w, 10_100, 1, 3, 8, 2, 1, 5, 1, 7);
      write(w, 15_000, 700);
      w = writing.openForWrite(2);
      write(w, 19_900, 700);
      write(w, 20_150, 2, 1, 8, 1, 4);
    }
    List<String> oneByOne = describe(readAll(journal(1), 1));
    assertEquals(range(1, 20_150), txIds(readAll(journal(1), 1)));
    assertEquals(oneByOne, describe(readAll(journal(16), 1)));
    assertEquals(oneByOne, describe(readAll(journal(ZkJournalOptions.LIMIT_READ_AHEAD_BATCHES),
        1)));
    List<String> fromInside = describe(readAll(journal(1), 9_950));
    assertEquals(oneByOne.subList(9_949, 20_150), fromInside);
    assertEquals(fromInside, describe(readAll(journal(16), 9_950)));
  }

  @Test
  void theWindowNeverHoldsMoreThanItsLimit() throws Exception {
    try (ZkJournal journal = oneRecordBatches(300, 16)) {
      ZkBatchIndex index = new ZkBatchIndex(client, layout);
      ZkBatchWindow window = new ZkBatchWindow(client, layout, index, 16);
      window.plan(index.batchesFrom(1));
      assertEquals(0, window.outstanding(), "nothing is fetched before the first take");
      int maxOutstanding = 0;
      for (long tx = 1; tx <= 300; tx++) {
        ZkBatchWindow.Batch b = window.take();
        maxOutstanding = Math.max(maxOutstanding, window.outstanding() + 1);
        assertEquals(tx, b.firstTxId());
        assertEquals(layout.batch(tx), b.path());
        assertEquals(List.of(tx), txIds(ZkBatchFormat.decode(b.path(), tx, b.data())));
      }
      assertTrue(window.isEmpty());
      assertTrue(maxOutstanding <= 16, "requested or held at once: " + maxOutstanding);
      assertTrue(maxOutstanding > 8, "the window opened up: " + maxOutstanding);
    }
  }

  @Test
  void aPurgeOvertakingTheWindowIsTxIdNotRetained() throws Exception {
    try (ZkJournal journal = oneRecordBatches(300, 8);
        JournalReader reader = journal.readFrom(1)) {
      for (long tx = 1; tx <= 20; tx++) {
        assertEquals(tx, reader.next().txId());
      }
      journal.purgeBefore(200);
      // Batches fetched ahead before the purge are whole and verified: they are returned, in
      // order, and the first batch fetched after the purge is found gone.
      long expected = 21;
      TxIdNotRetainedException e = null;
      try {
        for (JournalRecord r; (r = reader.next()) != null; expected++) {
          assertEquals(expected, r.txId());
        }
      } catch (TxIdNotRetainedException thrown) {
        e = thrown;
      }
      assertTrue(e != null, "the reader must not skip the purged records");
      assertTrue(expected - 21 <= 8, "at most the window was read ahead: " + (expected - 21));
      assertTrue(e.getMessage().contains("purged txid " + expected), e.getMessage());
      assertThrows(TxIdNotRetainedException.class, reader::next, "and on every later call");
      assertEquals(range(200, 300), txIds(readAll(journal, 200)));
    }
  }

  @Test
  void aDamagedBatchInsideTheWindowStopsTheReaderThere() throws Exception {
    try (ZkJournal journal = oneRecordBatches(100, 64)) {
      byte[] data = client.getData().forPath(layout.batch(50));
      data[data.length - 1] ^= 0x01; // the payload: fails the record CRC
      client.setData().forPath(layout.batch(50), data);
      assertStopsBefore(journal, 50, layout.batch(50), "record txid 50");
    }
  }

  @Test
  void aMissingBatchInsideTheWindowIsCorruption() throws Exception {
    try (ZkJournal journal = oneRecordBatches(100, 64)) {
      client.delete().forPath(layout.batch(60));
      assertStopsBefore(journal, 60, layout.batch(60), "records are missing");
    }
  }

  @Test
  void aBatchStartingInsideThePreviousOneIsCorruption() throws Exception {
    try (ZkJournal journal = oneRecordBatches(100, 64)) {
      // Batch 40 rewritten to hold txids 40-42, while batches 41 and 42 stay.
      ByteArrayOutputStream records = new ByteArrayOutputStream();
      for (long tx = 40; tx <= 42; tx++) {
        byte[] b = client.getData().forPath(layout.batch(tx));
        records.write(b, ZkBatchFormat.HEADER_SIZE, b.length - ZkBatchFormat.HEADER_SIZE);
      }
      byte[] r = records.toByteArray();
      client.setData().forPath(layout.batch(40), ZkBatchFormat.encode(1, 40, 3, r, 0, r.length));
      assertStopsBefore(journal, 43, layout.batch(41), "starts inside the previous batch");
    }
  }

  /** Reads txids 1 to {@code bad - 1}, then the exception naming {@code znode}, twice. */
  private static void assertStopsBefore(ZkJournal journal, long bad, String znode, String what)
      throws Exception {
    try (JournalReader reader = journal.readFrom(1)) {
      for (long tx = 1; tx < bad; tx++) {
        assertEquals(tx, reader.next().txId());
      }
      for (int call = 0; call < 2; call++) {
        CorruptJournalException e = assertThrows(CorruptJournalException.class, reader::next);
        assertTrue(e.getMessage().contains(znode) && e.getMessage().contains(what),
            e.getMessage());
      }
    }
  }

  @Test
  void aTailAfterReadAheadWakesOnANewBatch() throws Exception {
    try (ZkJournal journal = oneRecordBatches(200, 64)) {
      JournalWriter w = journal.openForWrite(2);
      try (JournalReader reader = journal.readFrom(1)) {
        for (long tx = 1; tx <= 200; tx++) {
          assertEquals(tx, reader.next().txId());
        }
        assertNull(reader.next());
        for (long tx = 201; tx <= 211; tx += 5) {
          long next = tx;
          CompletableFuture<Boolean> woken =
              CompletableFuture.supplyAsync(() -> await(journal, next));
          w.appendAndSync(ops(tx, 5));
          assertTrue(woken.get(60, TimeUnit.SECONDS));
          for (long t = tx; t < tx + 5; t++) {
            assertEquals(t, reader.next().txId());
          }
          assertNull(reader.next());
        }
      }
    }
  }

  private static boolean await(ZkJournal journal, long txId) {
    try {
      return journal.awaitRecord(txId, 60_000);
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
