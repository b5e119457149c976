package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.journal.TxIdNotRetainedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Purging batches below a txid, the checkpoint registry's rule, and reads below the window. */
@Timeout(120)
class ZkJournalPurgeTest extends ZkServerTest {

  private boolean exists(String path) throws Exception {
    return client.checkExists().forPath(path) != null;
  }

  /** Batches 1-3, 4-6 and 7-9. */
  private ZkJournal threeBatches() throws Exception {
    ZkJournal journal = ZkTestSupport.formatted(client, root);
    JournalWriter w = journal.openForWrite(1);
    w.appendAndSync(ops(1, 3));
    w.appendAndSync(ops(4, 3));
    w.appendAndSync(ops(7, 3));
    return journal;
  }

  @Test
  void purgeKeepsBatchesAtOrAfterTheTxidAndTheNewestBatch() throws Exception {
    try (ZkJournal journal = threeBatches()) {
      journal.purgeBefore(5);
      assertNull(client.checkExists().forPath(layout.batch(1)));
      assertNotNull(client.checkExists().forPath(layout.batch(4)), "holds txid 5");
      assertEquals(range(5, 9), txIds(readAll(journal, 5)));
      assertEquals(range(4, 9), txIds(readAll(journal, 4)));
      TxIdNotRetainedException e = assertThrows(TxIdNotRetainedException.class,
          () -> journal.readFrom(3));
      assertTrue(e.getMessage().contains("oldest retained batch starts at txid 4"),
          e.getMessage());

      journal.purgeBefore(100);
      assertTrue(exists(layout.batch(7)), "the newest batch stays");
      assertEquals(1, client.getChildren().forPath(layout.bucket(0)).size());
      assertEquals(9, journal.getLastTxId());
      assertEquals(10, journal.openForWrite(2).appendAndSync(ops(10, 1)));
      assertEquals(range(7, 10), txIds(readAll(journal, 7)));
    }
  }

  @Test
  void purgeDeletesBucketsItEmpties() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      JournalWriter w = journal.openForWrite(1);
      for (long tx = 1; tx <= 25_000; tx += 2_500) {
        w.appendAndSync(ops(tx, 2_500));
      }
      // Syncs of 2,500 split at bucket edges: ..., 17501-19999, 20000, 20001-22500, 22501-25000.
      journal.purgeBefore(20_001);
      assertEquals(List.of(ZkLayout.name(20_000)), client.getChildren().forPath(layout.batches()));
      assertEquals(List.of(ZkLayout.name(20_001), ZkLayout.name(22_501)),
          client.getChildren().forPath(layout.bucket(20_000)).stream().sorted().toList());
      assertEquals(range(20_001, 25_000), txIds(readAll(journal, 20_001)));
      assertThrows(TxIdNotRetainedException.class, () -> journal.readFrom(19_999));
    }
  }

  @Test
  void aReaderOvertakenByThePurgeIsToldTxIdNotRetained() throws Exception {
    try (ZkJournal journal = threeBatches()) {
      try (JournalReader reader = journal.readFrom(1)) {
        assertEquals(1, reader.next().txId()); // holds batch 1-3; batch 4-6 comes next
        journal.purgeBefore(8);
        assertEquals(2, reader.next().txId());
        assertEquals(3, reader.next().txId());
        assertThrows(TxIdNotRetainedException.class, reader::next);
      }
    }
  }

  @Test
  void checkpointRegistryPurgesBelowTheLowestPublishedCheckpoint() throws Exception {
    ZkJournalOptions options = ZkJournalOptions.defaults().withCheckpointMaxLagTxns(4);
    try (ZkJournal journal = threeBatches()) {
      ZkCheckpointRegistry registry = new ZkCheckpointRegistry(client, root, options);
      assertEquals(1, registry.purge(journal), "nothing published: nothing purged");
      assertTrue(exists(layout.batch(1)));

      registry.publishCheckpoint("nn1", 6);
      registry.publishCheckpoint("nn2", 3);
      assertEquals(Map.of("nn1", 6L, "nn2", 3L), registry.publishedCheckpoints());
      assertEquals(4, registry.purge(journal), "nn2 needs txid 4 on");
      assertTrue(!exists(layout.batch(1)) && exists(layout.batch(4)));

      registry.publishCheckpoint("nn1", 9);
      assertEquals(10, registry.purge(journal),
          "nn2 (3) is more than 4 transactions behind nn1 (9): it no longer holds the window");
      assertTrue(!exists(layout.batch(4)) && exists(layout.batch(7)), "the newest batch stays");
      assertThrows(TxIdNotRetainedException.class, () -> journal.readFrom(4),
          "nn2 must bootstrap from a newer checkpoint");
    }
  }

  @Test
  void retainRule() {
    assertEquals(1, ZkCheckpointRegistry.retainFrom(List.of(), 4), "nothing published");
    assertEquals(6, ZkCheckpointRegistry.retainFrom(List.of(5L), 4));
    assertEquals(4, ZkCheckpointRegistry.retainFrom(List.of(6L, 3L), 4));
    assertEquals(6, ZkCheckpointRegistry.retainFrom(List.of(9L, 5L), 4), "5 is exactly 4 behind");
    assertEquals(10, ZkCheckpointRegistry.retainFrom(List.of(9L, 4L), 4), "4 is 5 behind");
  }
}
