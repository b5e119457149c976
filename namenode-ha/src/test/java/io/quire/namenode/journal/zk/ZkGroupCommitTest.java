package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.namenode.testing.GroupCommitCheck;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many concurrent append+awaitSync callers share multis. */
@Timeout(120)
class ZkGroupCommitTest extends ZkServerTest {
  private static final int THREADS = 16;

  @Test
  void concurrentCallersShareMultis() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      // Hold the first multi until every caller has appended, so the rest form one batch.
      journal.setWriteFaults(new ZkWriteFaults() {
        @Override
        public void beforeMulti(long firstTxId) throws InterruptedException {
          if (first.getAndSet(false)) {
            release.await();
          }
        }
      });
      GroupCommitWriter writer = journal.openForWrite(1);
      GroupCommitCheck.assertCallersShareSyncs(writer, pool, THREADS, release, "multis");
      assertEquals(range(1, THREADS), txIds(readAll(journal, 1)));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
