package io.quire.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.zk.ZkCheckpointRegistry;
import io.quire.namenode.journal.zk.ZkJournal;
import io.quire.namenode.journal.zk.ZkJournalOptions;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;

/** Reads an HA mini cluster's shared journal in ZooKeeper and checks its order. */
final class SharedJournalCheck {
  private SharedJournalCheck() {}

  /** What was read: records and the epochs seen. */
  record Summary(long firstTxId, long lastTxId, long records, long firstEpoch, long lastEpoch) {}

  /**
   * Every retained record, in order: txids consecutive, epochs never decreasing. Returns what
   * it read.
   */
  static Summary assertOrdered(MiniQuireCluster cluster) throws Exception {
    try (CuratorFramework client = CuratorFrameworkFactory.newClient(
        cluster.getZooKeeper().connectString(), new RetryNTimes(20, 200))) {
      client.start();
      client.blockUntilConnected(30, TimeUnit.SECONDS);
      String root = "/quire/" + MiniQuireCluster.NAMESERVICE;
      ZkJournal journal = new ZkJournal(client, root, "check", ZkJournalOptions.defaults());
      long from = new ZkCheckpointRegistry(client, root, ZkJournalOptions.defaults())
          .retainFrom();
      long first = Math.max(1, from);
      long tx = first - 1;
      long epoch = 0;
      long firstEpoch = -1;
      long n = 0;
      try (JournalReader r = journal.readFrom(first)) {
        for (JournalRecord rec; (rec = r.next()) != null; ) {
          assertEquals(tx + 1, rec.txId(), "txids must be consecutive");
          assertTrue(rec.epoch() >= epoch, "epoch decreased at txid " + rec.txId() + ": "
              + rec.epoch() + " after " + epoch);
          if (firstEpoch < 0) {
            firstEpoch = rec.epoch();
          }
          tx = rec.txId();
          epoch = rec.epoch();
          n++;
        }
      }
      return new Summary(first, tx, n, firstEpoch, epoch);
    }
  }
}
