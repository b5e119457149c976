package io.quire.health;

import io.quire.minicluster.MiniQuireCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): flipped bytes in one replica file are found by the block scanner
 * without a client read, the replica is replaced and fsck reports healthy; here on three
 * DataNodes, replication 3 (HDFS-17798: there the node holding the corrupt replica cannot be a
 * target).
 */
class BlockScannerRepairThreeNodesTest {
  private static MiniQuireCluster cluster;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 3, "scan-three-nodes");
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test void scannerFindsFlippedBytesAndReplicaIsReplaced() throws Exception {
    BlockScannerRepairCase.run(cluster, "/scan/file-3");
  }
}
