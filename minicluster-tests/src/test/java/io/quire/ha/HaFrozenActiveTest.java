package io.quire.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.Timing;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The active is frozen (SIGSTOP) past its ZooKeeper session timeout; the standby takes over
 * and the clients follow. Resumed (SIGCONT), the old active still believes it is active until
 * it hears from ZooKeeper: a mutation sent straight to it then is refused (its journal batch is
 * fenced by the new epoch) and never becomes visible, it steps down, no acknowledged operation
 * is lost, and the journal holds consecutive txids with non-decreasing epochs.
 */
class HaFrozenActiveTest {

  @Test
  @Timeout(900)
  void aFrozenActiveIsFencedWhenItWakesUp() throws Exception {
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
        .nameNodes(2).forkNameNodes(true).numDataNodes(3).build();
         HaWorkload work = new HaWorkload(cluster.getURI(), cluster.getConfiguration(), 4,
             "/frozen")) {
      work.start();
      HaKillActiveTest.awaitProgress(work, 20);
      int frozen = cluster.waitForActiveNameNode();
      ClientProtocol direct = cluster.directClient(frozen);
      try {
        direct.mkdirs("/warm-up", (short) 0755, true); // the connection exists before SIGSTOP
        cluster.pauseNameNode(frozen);
        int next = cluster.waitForActiveNameNode();
        assertNotEquals(frozen, next);
        HaKillActiveTest.awaitProgress(work, 20);

        cluster.resumeNameNode(frozen);
        assertThrows(IOException.class,
            () -> direct.mkdirs("/written-by-the-deposed-active", (short) 0755, true));
        await().atMost(Timing.seconds(60)).ignoreExceptions()
            .pollInterval(Duration.ofMillis(50))
            .until(() -> cluster.status(frozen).state() == HaState.STANDBY);
      } finally {
        QuireRpc.stopProxy(direct);
      }
      HaKillActiveTest.awaitProgress(work, 20);
      work.stop();
      assertFalse(cluster.getFileSystem().exists(new Path("/written-by-the-deposed-active")));
      assertTrue(cluster.getFileSystem().exists(new Path("/warm-up")));
      work.verify(cluster.getFileSystem());
      SharedJournalCheck.assertOrdered(cluster);
    }
  }
}
