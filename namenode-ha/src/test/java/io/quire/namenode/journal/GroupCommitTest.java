package io.quire.namenode.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.namenode.testing.GroupCommitCheck;
import io.quire.testing.TargetDirs;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
      GroupCommitCheck.assertCallersShareSyncs(writer, pool, THREADS, release, "syncs");
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
