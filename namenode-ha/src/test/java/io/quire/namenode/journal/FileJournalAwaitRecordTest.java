package io.quire.namenode.journal;

import static io.quire.namenode.journal.JournalTestSupport.ops;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.TargetDirs;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The file journal's tailing wait (the default bounded poll of {@link Journal#awaitRecord}). */
class FileJournalAwaitRecordTest {

  @Test
  void returnsWhenTheRecordIsSyncedAndTimesOutOtherwise(TestInfo info) throws Exception {
    try (FileJournal journal = new FileJournal(TargetDirs.fresh(info))) {
      JournalWriter w = journal.openForWrite(1);
      w.appendAndSync(ops(1, 2));
      assertTrue(journal.awaitRecord(2, 0), "already there");
      assertFalse(journal.awaitRecord(3, 50), "nobody writes txid 3");

      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          return journal.awaitRecord(3, 30_000);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      w.appendAndSync(ops(3, 1));
      assertTrue(waiting.get(30, TimeUnit.SECONDS));
    }
  }
}
