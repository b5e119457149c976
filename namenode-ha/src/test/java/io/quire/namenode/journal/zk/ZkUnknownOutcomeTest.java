package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.op;
import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.range;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static io.quire.namenode.journal.JournalTestSupport.txIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.namenode.journal.JournalRecord;
import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.KillSession;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Multis whose outcome the writer cannot see (lost request, lost reply, with or without a
 * takeover meanwhile) are resolved by reading back; an expired session fails the writer.
 */
@Timeout(120)
class ZkUnknownOutcomeTest extends ZkTwoClientsTest {
  private ZkJournal a;
  private ZkJournal b;

  @BeforeEach
  void setUp() throws Exception {
    a = ZkTestSupport.formatted(client, root, ZkJournalOptions.defaults());
    b = new ZkJournal(clientB, root, "nn2", ZkJournalOptions.defaults());
  }

  /**
   * Faults that throw ConnectionLoss once, before or after the multi, after running
   * {@code meanwhile}.
   */
  private static ZkWriteFaults lostOnce(boolean afterCommit, ThrowingRunnable meanwhile) {
    AtomicBoolean done = new AtomicBoolean();
    return new ZkWriteFaults() {
      @Override
      public void beforeMulti(long firstTxId) throws Exception {
        if (!afterCommit && !done.getAndSet(true)) {
          meanwhile.run();
          throw new KeeperException.ConnectionLossException();
        }
      }

      @Override
      public void afterMulti(long firstTxId) throws Exception {
        if (afterCommit && !done.getAndSet(true)) {
          meanwhile.run();
          throw new KeeperException.ConnectionLossException();
        }
      }
    };
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private int batchCount() throws Exception {
    return client.getChildren().forPath(new ZkLayout(root).bucket(0)).size();
  }

  @Test
  void aLostReplyOfACommittedMultiIsSuccess() throws Exception {
    a.setWriteFaults(lostOnce(true, () -> {}));
    GroupCommitWriter w = a.openForWrite(1);
    assertEquals(3, w.appendAndSync(ops(1, 3)));
    assertEquals(1, a.getUnknownOutcomeCount());
    assertEquals(1, batchCount(), "read back, not written twice");
    assertEquals(4, w.appendAndSync(ops(4, 1)));
    assertEquals(range(1, 4), txIds(readAll(a, 1)));
  }

  @Test
  void aLostRequestIsSentAgain() throws Exception {
    a.setWriteFaults(lostOnce(false, () -> {}));
    GroupCommitWriter w = a.openForWrite(1);
    assertEquals(3, w.appendAndSync(ops(1, 3)));
    assertEquals(1, a.getUnknownOutcomeCount());
    assertEquals(1, batchCount());
    assertEquals(range(1, 3), txIds(readAll(a, 1)));
  }

  @Test
  void aLostRequestWhileANewerWriterTakesOverIsFenced() throws Exception {
    a.setWriteFaults(lostOnce(false, () -> b.openForWrite(2)));
    GroupCommitWriter w = a.openForWrite(1);
    assertThrows(FencedException.class, () -> w.appendAndSync(ops(1, 3)));
    assertThrows(FencedException.class, () -> w.appendAndSync(ops(1, 1)), "fenced for good");
    assertEquals(0, a.getLastTxId(), "nothing of the fenced writer was written");
  }

  @Test
  void aLostReplyWhileANewerWriterTakesOverIsStillSuccess() throws Exception {
    // The multi committed before the takeover: the new writer starts after it.
    GroupCommitWriter[] next = new GroupCommitWriter[1];
    a.setWriteFaults(lostOnce(true, () -> next[0] = b.openForWrite(2)));
    GroupCommitWriter w = a.openForWrite(1);
    assertEquals(3, w.appendAndSync(ops(1, 3)));
    assertThrows(FencedException.class, () -> w.appendAndSync(ops(4, 1)));
    assertEquals(3, next[0].getLastAppendedTxId());
    assertEquals(4, next[0].appendAndSync(List.of(op(4))));
    List<JournalRecord> records = readAll(b, 1);
    assertEquals(range(1, 4), txIds(records));
    assertEquals(List.of(1L, 1L, 1L, 2L), records.stream().map(JournalRecord::epoch).toList());
  }

  @Test
  void anExpiredSessionFailsTheWriter() throws Exception {
    CuratorFramework own = ZkTestSupport.client(server, new RetryNTimes(3, 100));
    try {
      CountDownLatch lost = new CountDownLatch(1);
      CountDownLatch reconnected = new CountDownLatch(1);
      own.getConnectionStateListenable().addListener((c, state) -> {
        if (state == ConnectionState.LOST) {
          lost.countDown();
        } else if (state == ConnectionState.RECONNECTED && lost.getCount() == 0) {
          reconnected.countDown();
        }
      });
      ZkJournal journal = new ZkJournal(own, root, "nn3", ZkJournalOptions.defaults());
      GroupCommitWriter w = journal.openForWrite(1);
      assertEquals(1, w.appendAndSync(ops(1, 1)));

      KillSession.kill(own.getZookeeperClient().getZooKeeper());
      assertTrue(lost.await(60, TimeUnit.SECONDS), "Curator reports LOST");
      assertTrue(reconnected.await(60, TimeUnit.SECONDS), "and a new session");

      IOException e = assertThrows(IOException.class, () -> w.appendAndSync(ops(2, 1)));
      assertFalse(e instanceof FencedException, e.toString());
      assertTrue(e.getMessage().contains("session"), e.getMessage());
      assertInstanceOf(IOException.class,
          assertThrows(IOException.class, () -> w.appendAndSync(ops(2, 1))).getCause(),
          "failed for good");
      assertEquals(1, journal.getLastTxId(), "nothing written after the session expired");
      assertNull(readAll(journal, 2).stream().findAny().orElse(null));

      GroupCommitWriter again = journal.openForWrite(2); // the NameNode reopens on its new session
      assertEquals(2, again.appendAndSync(ops(2, 1)));
      journal.close();
    } finally {
      own.close();
    }
  }
}
