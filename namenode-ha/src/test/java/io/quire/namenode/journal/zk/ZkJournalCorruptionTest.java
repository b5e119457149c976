package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalWriter;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Damaged batch znodes stop readers (and the next writer) with the znode named. */
@Timeout(120)
class ZkJournalCorruptionTest extends ZkServerTest {

  /** Batches 1-3, 4-6 and 7-9, epoch 1. */
  private ZkJournal threeBatches() throws Exception {
    ZkJournal journal = ZkTestSupport.formatted(client, root);
    JournalWriter w = journal.openForWrite(1);
    w.appendAndSync(ops(1, 3));
    w.appendAndSync(ops(4, 3));
    w.appendAndSync(ops(7, 3));
    return journal;
  }

  @Test
  void garbageInAMiddleBatchStopsTheReaderThere() throws Exception {
    try (ZkJournal journal = threeBatches()) {
      client.setData().forPath(layout.batch(4), "garbage".getBytes(StandardCharsets.UTF_8));
      try (JournalReader reader = journal.readFrom(1)) {
        assertEquals(1, reader.next().txId());
        assertEquals(2, reader.next().txId());
        assertEquals(3, reader.next().txId());
        CorruptJournalException e = assertThrows(CorruptJournalException.class, reader::next);
        assertTrue(e.getMessage().contains(layout.batch(4)), e.getMessage());
        assertThrows(CorruptJournalException.class, reader::next, "and on every later call");
      }
    }
  }

  @Test
  void aFlippedPayloadByteFailsTheRecordCrc() throws Exception {
    try (ZkJournal journal = threeBatches()) {
      byte[] data = client.getData().forPath(layout.batch(4));
      data[data.length - 1] ^= 0x01;
      client.setData().forPath(layout.batch(4), data);
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> readAll(journal, 5));
      assertTrue(e.getMessage().contains("record txid 6"), e.getMessage());
      assertTrue(e.getMessage().contains(layout.batch(4)), e.getMessage());
    }
  }

  @Test
  void aDamagedNewestBatchStopsTheNextWriter() throws Exception {
    try (ZkJournal journal = threeBatches()) {
      byte[] data = client.getData().forPath(layout.batch(7));
      data[40] ^= 0x01; // inside the first record's txid
      client.setData().forPath(layout.batch(7), data);
      ZkJournal next = new ZkJournal(client, root, "nn2", ZkJournalOptions.defaults());
      CorruptJournalException e = assertThrows(CorruptJournalException.class,
          () -> next.openForWrite(2));
      assertTrue(e.getMessage().contains(layout.batch(7)), e.getMessage());
    }
  }

  @Test
  void aMissingBatchBeforeLaterOnesIsCorruption() throws Exception {
    try (ZkJournal journal = threeBatches()) {
      client.delete().forPath(layout.batch(4));
      try (JournalReader reader = journal.readFrom(2)) {
        assertEquals(2, reader.next().txId());
        assertEquals(3, reader.next().txId());
        CorruptJournalException e = assertThrows(CorruptJournalException.class, reader::next);
        assertTrue(e.getMessage().contains("records are missing"), e.getMessage());
      }
    }
  }
}
