package io.quire.namenode.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.TxIdNotRetainedException;
import io.quire.namenode.NameNodeFormat;
import io.quire.namenode.journal.zk.ZkJournal;
import io.quire.namenode.journal.zk.ZkJournalOptions;
import io.quire.testing.TargetDirs;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.StandbyHint;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HaStatus;
import io.quire.protocol.types.RenameMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.hadoop.ipc.StandbyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Two and three NameNodes of one nameservice in this JVM on a test ZooKeeper: standbys tail the
 * shared journal, refuse clients with a hint naming the active, take over on a planned
 * failover and when the active stops, and a fenced active never serves state the journal lacks.
 */
class HaNameNodesTest {
  private static TestingServer zk;

  @BeforeAll
  static void startZooKeeper() throws Exception {
    Path dir = TargetDirs.fresh(HaNameNodesTest.class, "zk-data");
    // tickTime 200 ms: sessions of 0.4-4 s, so session expiry is quick in tests.
    zk = new TestingServer(new InstanceSpec(dir.toFile(), -1, -1, -1, true, -1, 200, -1), true);
  }

  @AfterAll
  static void stopZooKeeper() throws IOException {
    zk.close();
  }

  private static HaTestCluster cluster(TestInfo info, int n) throws IOException {
    String ns = info.getTestMethod().orElseThrow().getName();
    return new HaTestCluster(zk, TargetDirs.fresh(info), ns, n);
  }

  @Test
  void standbyTailsRefusesClientsAndTakesOverOnPlannedFailover(TestInfo info) throws Exception {
    try (HaTestCluster c = cluster(info, 2)) {
      c.format();
      c.start(0);
      c.awaitState(0, HaState.ACTIVE);
      c.bootstrap(1);
      c.start(1);
      c.awaitState(1, HaState.STANDBY);

      ClientProtocol nn1 = c.client(0);
      ClientProtocol nn2 = c.client(1);
      nn1.mkdirs("/a", (short) 0755, true);
      nn1.create("/a/f", (short) 0644, "client-1", false, true, (short) 1, 1024);
      assertTrue(nn1.complete("/a/f", 0, "client-1", null));
      long applied = c.nameNodes[0].getNamesystem().getLastAppliedTxId();
      await().atMost(HaTestCluster.WAIT).until(
          () -> c.nameNodes[1].getNamesystem().getLastAppliedTxId() == applied);

      StandbyException refused = assertThrows(StandbyException.class,
          () -> nn2.getFileInfo("/a/f"));
      String hint = StandbyHint.parse(refused.getMessage());
      assertEquals("127.0.0.1:" + c.rpcAddress(0).getPort(), hint, refused.getMessage());
      HaStatus s2 = c.admin(1).getHaStatus();
      assertEquals("nn2", s2.nameNodeId());
      assertEquals(HaState.STANDBY, s2.state());
      assertEquals(applied, s2.lastAppliedTxId());

      long epoch1 = c.nameNodes[0].getNamesystem().getHaGate().epoch();
      c.admin(0).transitionToStandby();
      assertEquals(HaState.STANDBY, c.state(0));
      c.awaitState(1, HaState.ACTIVE);
      assertTrue(c.nameNodes[1].getNamesystem().getHaGate().epoch() > epoch1);
      assertNotNull(nn2.getFileInfo("/a/f"), "the new active has every acknowledged change");
      nn2.rename("/a/f", "/a/g", RenameMode.NO_OVERWRITE);
      await().atMost(HaTestCluster.WAIT).until(() -> c.nameNodes[0].getNamesystem()
          .getLastAppliedTxId() == c.nameNodes[1].getNamesystem().getLastAppliedTxId());
      assertThrows(StandbyException.class, () -> nn1.getFileInfo("/a/g"));

      // The active stops: the standby takes over (its session closed, no timeout to wait).
      c.stop(1);
      c.awaitState(0, HaState.ACTIVE);
      assertNotNull(nn1.getFileInfo("/a/g"));
      assertNull(nn1.getFileInfo("/a/f"));
      assertJournalOrdered(c);
    }
  }

  @Test
  void aFencedActiveStepsDownAndReloadsWithoutTheUnjournaledChange(TestInfo info)
      throws Exception {
    try (HaTestCluster c = cluster(info, 2)) {
      c.format();
      c.start(0);
      c.awaitState(0, HaState.ACTIVE);
      ClientProtocol nn1 = c.client(0);
      nn1.mkdirs("/kept", (short) 0755, true);

      // Another writer promises a newer epoch (as a new active would), behind nn1's back.
      try (CuratorFramework other = CuratorFrameworkFactory.newClient(zk.getConnectString(),
          new RetryOneTime(100))) {
        other.start();
        other.blockUntilConnected(30, TimeUnit.SECONDS);
        ZkJournal j = new ZkJournal(other, "/quire-test/" + info.getTestMethod().orElseThrow()
            .getName(), "intruder", ZkJournalOptions.defaults());
        j.openForWrite(j.getPromisedEpoch() + 1).close();
      }
      // nn1 applies the mkdirs in memory, its batch is fenced: the caller is told to go to the
      // active (StandbyException, or the connection closes as nn1 reloads: a client fails over
      // on either), and nn1 reloads from the journal as a standby.
      assertThrows(IOException.class, () -> nn1.mkdirs("/lost", (short) 0755, true));
      await().atMost(HaTestCluster.WAIT).until(() -> c.nameNodes[0].getReloadCount() == 1);
      // Still the election's leader, it becomes active again with a newer epoch, on the
      // journal's state: /kept is there, /lost is not.
      c.awaitState(0, HaState.ACTIVE);
      ClientProtocol again = c.client(0);
      // The first call may meet the IPC connection the old server closed (a real client's
      // retry proxy simply retries it).
      await().atMost(HaTestCluster.WAIT).ignoreExceptions()
          .until(() -> again.getFileInfo("/kept") != null);
      assertNull(again.getFileInfo("/lost"));
      assertJournalOrdered(c);
    }
  }

  @Test
  void threeNameNodesSurviveTwoActivesStoppingInARow(TestInfo info) throws Exception {
    try (HaTestCluster c = cluster(info, 3)) {
      c.format();
      c.start(0);
      c.awaitState(0, HaState.ACTIVE);
      c.bootstrap(1);
      c.bootstrap(2);
      c.start(1);
      c.start(2);
      c.awaitState(1, HaState.STANDBY);
      c.awaitState(2, HaState.STANDBY);
      int active = c.awaitActive();
      c.client(active).mkdirs("/one", (short) 0755, true);
      c.stop(active);
      int second = c.awaitActive();
      c.client(second).mkdirs("/two", (short) 0755, true);
      c.stop(second);
      int third = c.awaitActive();
      ClientProtocol last = c.client(third);
      assertNotNull(last.getFileInfo("/one"));
      assertNotNull(last.getFileInfo("/two"));
      assertJournalOrdered(c);
    }
  }

  @Test
  void aStandbyWhoseCheckpointTheJournalNoLongerHoldsIsToldToBootstrap(TestInfo info)
      throws Exception {
    try (HaTestCluster c = cluster(info, 2)) {
      c.conf.setInt("quire.namenode.checkpoint.retained", 1);
      c.conf.setLong("quire.ha.journal.checkpoint-max-lag.txns", 5);
      c.format();
      c.start(0);
      c.awaitState(0, HaState.ACTIVE);
      c.bootstrap(1); // nn2's checkpoint: txid 0
      ClientProtocol nn1 = c.client(0);
      for (int i = 0; i < 20; i++) {
        nn1.mkdirs("/d" + i, (short) 0755, true);
      }
      // nn1 checkpoints; nn2 (never started, checkpoint at 0) lags by more than 5 txids, so it
      // no longer holds the window: the batches it needs are deleted.
      c.nameNodes[0].saveCheckpointNow();
      Exception e = assertThrows(Exception.class, () -> c.start(1));
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof TxIdNotRetainedException)) {
        cause = cause.getCause();
      }
      assertTrue(cause.getMessage().contains("-bootstrapStandby"), cause.getMessage());
      c.nameNodes[1] = null;
      NameNodeFormat.bootstrapStandby(c.confOf(1), true);
      c.start(1);
      c.awaitState(1, HaState.STANDBY);
      await().atMost(HaTestCluster.WAIT).until(() -> c.nameNodes[1].getNamesystem()
          .getLastAppliedTxId() == c.nameNodes[0].getNamesystem().getLastAppliedTxId());
    }
  }

  /**
   * A standby that can no longer follow the journal (here: it lagged while the active purged
   * the batches it still needed) must not keep the leadership it cannot use: it leaves the
   * election, so the healthy third NameNode takes over when the active stops.
   */
  @Test
  void aStandbyThatCannotFollowTheJournalLeavesTheElection(TestInfo info) throws Exception {
    try (HaTestCluster c = cluster(info, 3)) {
      c.conf.setInt("quire.namenode.checkpoint.retained", 1);
      c.conf.setLong("quire.ha.journal.checkpoint-max-lag.txns", 5);
      c.format();
      c.start(0);
      c.awaitState(0, HaState.ACTIVE);
      c.bootstrap(1);
      c.bootstrap(2);
      c.start(1); // joins the election before nn3: first in line after the active
      c.awaitState(1, HaState.STANDBY);
      c.start(2);
      c.awaitState(2, HaState.STANDBY);

      // nn2's tailer cannot apply while its namesystem lock is held: it lags behind a purge.
      java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      Thread holder = new Thread(() -> {
        c.nameNodes[1].getNamesystem().getLock().writeLock().lock();
        try {
          locked.countDown();
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          c.nameNodes[1].getNamesystem().getLock().writeLock().unlock();
        }
      });
      holder.start();
      try {
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        ClientProtocol nn1 = c.client(0);
        for (int i = 0; i < 30; i++) {
          nn1.mkdirs("/d" + i, (short) 0755, true);
        }
        long last = c.nameNodes[0].getNamesystem().getLastAppliedTxId();
        await().atMost(HaTestCluster.WAIT).until(
            () -> c.nameNodes[2].getNamesystem().getLastAppliedTxId() == last);
        c.nameNodes[2].saveCheckpointNow();
        c.nameNodes[0].saveCheckpointNow(); // purges what nn2 has not read
      } finally {
        release.countDown();
        holder.join();
      }
      await("nn2's tailer gives up").atMost(HaTestCluster.WAIT).until(
          () -> c.nameNodes[1].getHaController().getTailer().getFatalError() != null);

      c.stop(0);
      c.awaitState(2, HaState.ACTIVE);
      assertEquals(HaState.STANDBY, c.state(1), "the NameNode that cannot follow never leads");
      assertNotNull(c.client(2).getFileInfo("/d29"));
    }
  }

  /** Txids consecutive from 1, epochs never decreasing, in the shared journal. */
  private static void assertJournalOrdered(HaTestCluster c) throws Exception {
    try (CuratorFramework client = CuratorFrameworkFactory.newClient(zk.getConnectString(),
        new RetryOneTime(100))) {
      client.start();
      client.blockUntilConnected(30, TimeUnit.SECONDS);
      ZkJournal j = new ZkJournal(client, "/quire-test/" + c.conf.get("quire.nameservices"),
          "reader", ZkJournalOptions.defaults());
      long tx = 0;
      long epoch = 0;
      try (JournalReader r = j.readFrom(1)) {
        for (JournalRecord rec; (rec = r.next()) != null; ) {
          assertEquals(tx + 1, rec.txId());
          assertTrue(rec.epoch() >= epoch, "epoch went back at txid " + rec.txId());
          tx = rec.txId();
          epoch = rec.epoch();
        }
      }
      assertTrue(tx > 0);
    }
  }
}
