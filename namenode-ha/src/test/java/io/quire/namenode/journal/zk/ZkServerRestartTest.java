package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.testing.Timing;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A writer rides out a ZooKeeper server restart (its session survives): multis caught by it
 * are resolved by reading back after reconnecting, with Curator's retries or without any.
 */
@Timeout(180)
class ZkServerRestartTest {
  private static TestingServer server;

  @BeforeAll
  static void startZooKeeper() throws Exception {
    server = ZkTestSupport.startServer(ZkServerRestartTest.class);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    server.close();
  }

  @Test
  void aReplyLostInARealOutageIsReadBackAfterReconnecting(TestInfo info) throws Exception {
    CuratorFramework client = ZkTestSupport.client(server, new RetryNTimes(0, 0));
    ExecutorService restarter = Executors.newSingleThreadExecutor();
    try (ZkJournal journal = ZkTestSupport.formatted(client, ZkTestSupport.root(info))) {
      CountDownLatch suspended = new CountDownLatch(1);
      client.getConnectionStateListenable().addListener((c, s) -> {
        if (s == ConnectionState.SUSPENDED) {
          suspended.countDown();
        }
      });
      AtomicBoolean first = new AtomicBoolean(true);
      journal.setWriteFaults(new ZkWriteFaults() {
        @Override
        public void afterMulti(long firstTxId) throws Exception {
          if (first.getAndSet(false)) {
            server.stop(); // the multi committed; its reply is lost with the server
            restarter.submit(() -> {
              suspended.await();
              server.restart();
              return null;
            });
            throw new KeeperException.ConnectionLossException();
          }
        }
      });
      GroupCommitWriter w = journal.openForWrite(1);
      assertEquals(3, w.appendAndSync(ops(1, 3)));
      assertEquals(1, journal.getUnknownOutcomeCount());
      assertEquals(4, w.appendAndSync(ops(4, 1)));
      assertEquals(range(1, 4), txIds(readAll(journal, 1)));
    } finally {
      restarter.shutdownNow();
      client.close();
    }
  }

  @Test
  void writerWithCuratorRetriesRidesOutARestart(TestInfo info) throws Exception {
    writeThroughARestart(info, new ExponentialBackoffRetry(100, 5));
  }

  @Test
  void writerWithoutCuratorRetriesRidesOutARestart(TestInfo info) throws Exception {
    writeThroughARestart(info, new RetryNTimes(0, 0));
  }

  private void writeThroughARestart(TestInfo info, RetryPolicy retry) throws Exception {
    CuratorFramework client = ZkTestSupport.client(server, retry);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ZkJournal journal = ZkTestSupport.formatted(client, ZkTestSupport.root(info))) {
      GroupCommitWriter w = journal.openForWrite(1);
      AtomicLong acked = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      Future<Exception> writing = pool.submit(() -> {
        try {
          while (!stop.get()) {
            acked.set(w.appendAndSync(List.of(op(acked.get() + 1))));
          }
          return null;
        } catch (Exception e) {
          return e;
        }
      });
      await().atMost(Timing.seconds(30)).until(() -> acked.get() >= 50);
      server.restart();
      long atRestart = acked.get();
      await().atMost(Timing.seconds(60)).until(() -> acked.get() >= atRestart + 50
          || writing.isDone());
      stop.set(true);
      assertNull(writing.get(60, TimeUnit.SECONDS), "the writer failed");
      assertEquals(range(1, acked.get()), txIds(readAll(journal, 1)));
      LoggerFactory.getLogger(ZkServerRestartTest.class).info("{}: {} records acked, {} multis,"
          + " {} of unknown outcome read back", info.getDisplayName(), acked.get(),
          w.getSyncCount(), journal.getUnknownOutcomeCount());
    } finally {
      pool.shutdownNow();
      client.close();
    }
  }
}
