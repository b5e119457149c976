package io.quire.ha;

import io.quire.minicluster.MiniQuireCluster;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two NameNodes on a three-server ZooKeeper ensemble, four clients working: one server stops
 * (the ensemble keeps its quorum, the service goes on), then all three restart (the quorum is
 * lost meanwhile: the active suspends and steps down or resumes). The service resumes on its
 * own and no acknowledged operation is lost.
 */
class HaZooKeeperEnsembleTest {
  private static final Logger LOG = LoggerFactory.getLogger(HaZooKeeperEnsembleTest.class);

  @Test
  @Timeout(900)
  void losingAServerThenTheWholeEnsembleLosesNothing() throws Exception {
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
        .nameNodes(2).zooKeeperServers(3).numDataNodes(3).build();
         HaWorkload work = new HaWorkload(cluster.getURI(), cluster.getConfiguration(), 4,
             "/ensemble")) {
      work.start();
      HaKillActiveTest.awaitProgress(work, 20);
      cluster.getZooKeeper().stopServer(0);
      LOG.info("ZooKeeper server 0 stopped after {} operations", work.opCount());
      HaKillActiveTest.awaitProgress(work, 50);
      cluster.getZooKeeper().restartAll();
      LOG.info("ZooKeeper ensemble restarted after {} operations", work.opCount());
      cluster.waitForActiveNameNode();
      HaKillActiveTest.awaitProgress(work, 50);
      work.stop();
      work.verify(cluster.getFileSystem());
      SharedJournalCheck.assertOrdered(cluster);
    }
  }
}
