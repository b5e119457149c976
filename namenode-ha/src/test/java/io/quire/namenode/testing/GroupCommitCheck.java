package io.quire.namenode.testing;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.testing.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The group-commit check every journal passes: while the journal holds its first sync (the
 * test's hook waits for {@code release}), {@code callers} threads each append one record and
 * await its sync; once all have appended the sync is released, every caller returns, and at most
 * two syncs carried all the records.
 */
public final class GroupCommitCheck {
  private GroupCommitCheck() {}

  /**
   * Runs the callers on {@code pool} against {@code writer} of a journal opened at txid 1;
   * {@code syncs} names a sync in the failure message (an fsync, a ZooKeeper multi).
   */
  public static void assertCallersShareSyncs(GroupCommitWriter writer, ExecutorService pool,
      int callers, CountDownLatch release, String syncs) throws Exception {
    List<Future<Long>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      long n = i;
      results.add(pool.submit(() -> {
        long txId = writer.append(List.of(op(n)));
        writer.awaitSync(txId);
        return txId;
      }));
    }
    await().atMost(Timing.seconds(30))
        .until(() -> writer.getLastAppendedTxId() == callers);
    release.countDown();
    for (Future<Long> f : results) {
      f.get(Timing.seconds(30).toMillis(), TimeUnit.MILLISECONDS);
    }
    assertEquals(callers, writer.getLastSyncedTxId());
    assertTrue(writer.getSyncCount() <= 2,
        callers + " callers needed " + writer.getSyncCount() + " " + syncs);
  }
}
