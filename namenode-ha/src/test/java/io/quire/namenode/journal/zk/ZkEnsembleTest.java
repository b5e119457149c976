package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.testing.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * On a three-server ensemble: the server the writer is connected to dies while it writes; the
 * writer moves to another server (same session) and goes on, and a tailing reader on its own
 * client sees every acknowledged record once, in order.
 */
@Timeout(180)
class ZkEnsembleTest {

  @Test
  void writerSurvivesTheLossOfItsServer(TestInfo info) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TestingCluster ensemble = ZkTestSupport.startEnsemble(ZkEnsembleTest.class);
        CuratorFramework writerClient = ZkTestSupport.client(ensemble.getConnectString(),
            new ExponentialBackoffRetry(100, 10));
        CuratorFramework readerClient = ZkTestSupport.client(ensemble.getConnectString(),
            new ExponentialBackoffRetry(100, 10));
        ZkJournal journal = ZkTestSupport.formatted(writerClient, ZkTestSupport.root(info))) {
      ZkJournal standby = new ZkJournal(readerClient, ZkTestSupport.root(info), "nn2",
          ZkJournalOptions.defaults());
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
      InstanceSpec connected =
          ensemble.findConnectionInstance(writerClient.getZookeeperClient().getZooKeeper());
      ensemble.killServer(connected);
      long atKill = acked.get();
      await().atMost(Timing.seconds(90)).until(() -> acked.get() >= atKill + 50
          || writing.isDone());
      stop.set(true);
      assertNull(writing.get(60, TimeUnit.SECONDS), "the writer failed");

      List<JournalRecord> seen = new ArrayList<>();
      try (JournalReader reader = standby.readFrom(1)) {
        while (seen.size() < acked.get()) {
          JournalRecord r = reader.next();
          if (r == null) {
            standby.awaitRecord(seen.size() + 1, 10_000);
          } else {
            seen.add(r);
          }
        }
      }
      assertEquals(range(1, acked.get()), txIds(seen));
      LoggerFactory.getLogger(ZkEnsembleTest.class).info("Killed {}: {} records acked, {} multis,"
          + " {} of unknown outcome read back", connected.getConnectString(), acked.get(),
          w.getSyncCount(), journal.getUnknownOutcomeCount());
    } finally {
      pool.shutdownNow();
    }
  }
}
