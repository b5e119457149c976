package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.storage.UnformattedStorageException;
import io.quire.protocol.exceptions.FencedException;
import io.quire.testing.Timing;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The epoch znode fences every older writer, on any client; txids and epochs stay ordered. */
@Timeout(120)
class ZkJournalFencingTest extends ZkTwoClientsTest {
  @BeforeEach
  void setUp() throws Exception {
    ZkJournal.format(client, root, "CID-test", false);
  }

  private ZkJournal journal(CuratorFramework client, String nnId) {
    return new ZkJournal(client, root, nnId, ZkJournalOptions.defaults());
  }

  private int batchCount() throws Exception {
    ZkLayout layout = new ZkLayout(root);
    int n = 0;
    for (String bucket : client.getChildren().forPath(layout.batches())) {
      n += client.getChildren().forPath(layout.batches() + "/" + bucket).size();
    }
    return n;
  }

  @Test
  void newerEpochOnAnotherClientFencesTheOldWriter() throws Exception {
    try (ZkJournal a = journal(client, "nn1"); ZkJournal b = journal(clientB, "nn2")) {
      JournalWriter w1 = a.openForWrite(1);
      assertEquals(3, w1.appendAndSync(ops(1, 3)));

      JournalWriter w2 = b.openForWrite(2);
      int batchesBefore = batchCount();
      // only buffered: the fence is checked by the multi
      long buffered = w1.append(List.of(op(99)));
      FencedException e = assertThrows(FencedException.class, () -> w1.awaitSync(buffered));
      assertTrue(e.getMessage().contains("epoch 2 of nn2"), e.getMessage());
      assertThrows(FencedException.class, () -> w1.append(List.of(op(100))));
      assertThrows(FencedException.class, w1::rollSegment);
      assertEquals(batchesBefore, batchCount(), "the fenced writer wrote nothing");

      assertEquals(4, w2.appendAndSync(List.of(op(4))));
      List<JournalRecord> records = readAll(a, 1);
      assertEquals(range(1, 4), txIds(records));
      assertEquals(List.of(1L, 1L, 1L, 2L), records.stream().map(JournalRecord::epoch).toList());
      assertEquals(2, a.getPromisedEpoch());
    }
  }

  @Test
  void openingWithAnEpochNotAboveThePromiseFails() throws Exception {
    try (ZkJournal a = journal(client, "nn1"); ZkJournal b = journal(clientB, "nn2")) {
      a.openForWrite(5);
      assertThrows(FencedException.class, () -> b.openForWrite(5));
      assertThrows(FencedException.class, () -> b.openForWrite(3));
      assertEquals(5, b.getPromisedEpoch());
      b.openForWrite(6);
      assertEquals(6, a.getPromisedEpoch());
    }
  }

  @Test
  void txIdsStrictlyIncreaseAndEpochsNeverDecreaseAcrossWriters() throws Exception {
    try (ZkJournal a = journal(client, "nn1"); ZkJournal b = journal(clientB, "nn2")) {
      long epoch = 0;
      for (int round = 0; round < 6; round++) {
        ZkJournal j = round % 2 == 0 ? a : b;
        JournalWriter w = j.openForWrite(++epoch);
        long next = w.getLastAppendedTxId() + 1;
        w.appendAndSync(ops(next, 1 + round));
        w.append(ops(next + 1 + round, 2)); // left pending: the next writer's promise fences it
      }
      List<JournalRecord> records = readAll(a, 1);
      for (int i = 1; i < records.size(); i++) {
        assertEquals(records.get(i - 1).txId() + 1, records.get(i).txId());
        assertTrue(records.get(i).epoch() >= records.get(i - 1).epoch());
      }
      assertEquals(1 + 2 + 3 + 4 + 5 + 6, records.size(), "pending records of fenced writers"
          + " are lost; the last writer's are written at close");
    }
  }

  @Test
  void reopeningInTheSameInstanceFencesThePreviousWriter() throws Exception {
    try (ZkJournal a = journal(client, "nn1")) {
      JournalWriter w1 = a.openForWrite(1);
      w1.appendAndSync(List.of(op(1)));
      JournalWriter w2 = a.openForWrite(2);
      assertThrows(FencedException.class, () -> w1.appendAndSync(List.of(op(2))));
      assertEquals(2, w2.appendAndSync(List.of(op(2))));
    }
  }

  @Test
  void acknowledgedRecordsOfADeposedWriterSurviveATakeoverMidStream() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ZkJournal a = journal(client, "nn1"); ZkJournal b = journal(clientB, "nn2")) {
      JournalWriter w1 = a.openForWrite(1);
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

      JournalWriter w2 = b.openForWrite(2);
      assertInstanceOf(FencedException.class, deposed.get(30, TimeUnit.SECONDS));
      long recovered = w2.getLastAppendedTxId();
      assertTrue(recovered >= lastAcked.get(),
          "acknowledged txid " + lastAcked.get() + " lost; the new writer starts after "
              + recovered);
      assertEquals(recovered + 1, w2.appendAndSync(List.of(op(recovered + 1))));
      List<JournalRecord> records = readAll(b, 1);
      assertEquals(range(1, recovered + 1), txIds(records));
      assertTrue(records.subList(0, (int) recovered).stream().allMatch(r -> r.epoch() == 1));
      assertEquals(2, records.get((int) recovered).epoch());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnformattedRootCannotBeOpened() {
    ZkJournal j = new ZkJournal(client, root + "-never-formatted", "nn1",
        ZkJournalOptions.defaults());
    assertThrows(UnformattedStorageException.class, () -> j.openForWrite(1));
  }
}
