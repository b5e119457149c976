package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalRecordTooLargeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A group-commit batch above the batch znode limit; a record that can never fit. */
@Timeout(120)
class ZkBatchSplitTest extends ZkServerTest {
  private static final int MAX_BATCH_BYTES = 4096;

  private static byte[] payload(long txId, int size) {
    byte[] p = new byte[size];
    Arrays.fill(p, (byte) txId);
    return p;
  }

  @Test
  void aBatchAboveTheLimitIsSplitIntoSeveralZnodesAndReadBackWhole()
      throws Exception {
    ZkJournalOptions options = ZkJournalOptions.defaults().withMaxBatchBytes(MAX_BATCH_BYTES);
    try (ZkJournal journal = ZkTestSupport.formatted(client, root, options)) {
      GroupCommitWriter w = journal.openForWrite(1);
      List<byte[]> payloads = new ArrayList<>();
      for (long tx = 1; tx <= 40; tx++) {
        payloads.add(payload(tx, 1000)); // 1024 bytes a record: three fit a 4 KiB znode
      }
      assertEquals(40, w.appendAndSync(payloads));
      assertEquals(14, w.getSyncCount(), "40 records of 1 KiB in 4 KiB znodes: 14 multis");

      ZkLayout layout = new ZkLayout(root);
      List<String> batches = client.getChildren().forPath(layout.bucket(0));
      assertEquals(14, batches.size());
      for (String b : batches) {
        int size = client.getData().forPath(layout.bucket(0) + "/" + b).length;
        assertTrue(size <= MAX_BATCH_BYTES, b + " holds " + size + " bytes");
      }
      List<JournalRecord> records = readAll(journal, 1);
      assertEquals(range(1, 40), txIds(records));
      for (JournalRecord r : records) {
        assertArrayEquals(payload(r.txId(), 1000), r.payload());
      }
      assertEquals(range(20, 40), txIds(readAll(journal, 20)));
    }
  }

  @Test
  void aRecordThatCannotFitOneZnodeIsRefusedAtAppend() throws Exception {
    ZkJournalOptions options = ZkJournalOptions.defaults().withMaxBatchBytes(MAX_BATCH_BYTES);
    try (ZkJournal journal = ZkTestSupport.formatted(client, root, options)) {
      GroupCommitWriter w = journal.openForWrite(1);
      int limit = options.maxPayloadBytes();
      assertEquals(MAX_BATCH_BYTES - 32 - 24, limit);
      assertEquals(1, w.appendAndSync(List.of(payload(1, limit))), "exactly the limit fits");

      JournalRecordTooLargeException e = assertThrows(JournalRecordTooLargeException.class,
          () -> w.append(List.of(payload(2, 10), payload(3, limit + 1))));
      assertTrue(e.getMessage().contains((limit + 1) + " payload bytes"), e.getMessage());
      assertTrue(e.getMessage().contains("limit of " + limit + " bytes"), e.getMessage());
      assertTrue(e.getMessage().contains(journal.getRoot()), e.getMessage());

      assertEquals(1, w.getLastAppendedTxId(), "nothing of the refused call was appended");
      assertEquals(2, w.appendAndSync(List.of(payload(2, 10))), "the writer stays usable");
      assertEquals(range(1, 2), txIds(readAll(journal, 1)));
    }
  }
}
