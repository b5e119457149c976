package io.quire.namenode.journal;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.TargetDirs;
import io.quire.testing.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Many concurrent append+awaitSync callers share fsyncs. */
class GroupCommitTest {
  private static final int THREADS = 16;

  @Test
  void concurrentCallersShareOneSync(TestInfo info) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (FileJournal journal = new FileJournal(TargetDirs.fresh(info))) {
      // Hold the first sync until every caller has appended, so the rest form one batch.
      journal.setBeforeSyncHook(() -> {
        if (first.getAndSet(false)) {
          awaitUninterruptibly(release);
        }
      });
      FileJournalWriter writer = (FileJournalWriter) journal.openForWrite(1);
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        long n = i;
        results.add(pool.submit(() -> {
          long txId = writer.append(List.of(op(n)));
          writer.awaitSync(txId);
          return txId;
        }));
      }
      await().atMost(Timing.seconds(30))
          .until(() -> writer.getLastAppendedTxId() == THREADS);
      release.countDown();
      for (Future<Long> f : results) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertEquals(THREADS, writer.getLastSyncedTxId());
      assertTrue(writer.getSyncCount() <= 2,
          THREADS + " callers needed " + writer.getSyncCount() + " syncs");
      assertEquals(THREADS, JournalTestSupport.readAll(journal, 1).size());
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
