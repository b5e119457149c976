package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.testing.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Many concurrent append+awaitSync callers share multis. */
@Timeout(120)
class ZkGroupCommitTest {
  private static final int THREADS = 16;
  private static TestingServer server;
  private static CuratorFramework client;

  @BeforeAll
  static void startZooKeeper() throws Exception {
    server = ZkTestSupport.startServer(ZkGroupCommitTest.class);
    client = ZkTestSupport.client(server);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void concurrentCallersShareMultis(TestInfo info) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ZkJournal journal = ZkTestSupport.formatted(client, ZkTestSupport.root(info))) {
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
          THREADS + " callers needed " + writer.getSyncCount() + " multis");
      assertEquals(range(1, THREADS), txIds(readAll(journal, 1)));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
