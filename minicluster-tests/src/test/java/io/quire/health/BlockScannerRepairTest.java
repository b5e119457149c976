package io.quire.health;

import io.quire.minicluster.MiniQuireCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): flipped bytes in one replica file are found by the block scanner
 * without a client read, the replica is replaced and fsck reports healthy; here on
 * four DataNodes.
 */
class BlockScannerRepairTest {
  private static MiniQuireCluster cluster;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 4, "scan-four-nodes");
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test void scannerFindsFlippedBytesAndReplicaIsReplaced() throws Exception {
    BlockScannerRepairCase.run(cluster, "/scan/file-4");
  }
}
