package io.quire.minicluster;

import static org.awaitility.Awaitility.await;

import io.quire.namenode.NameNode;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.testing.Timing;
import java.io.IOException;
import java.time.Duration;

/**
 * The conditions a {@link MiniQuireCluster} waits for, polled every 20 ms for at most
 * {@link Timing#seconds 60 s} (scaled): an active NameNode; a cluster that is active, out of
 * safe mode, with every running DataNode live at the active NameNode.
 */
final class ClusterWaits {
  private static final Duration POLL = Duration.ofMillis(20);

  private ClusterWaits() {}

  /** Waits until one NameNode says it is active; returns its index. */
  static int forActiveNameNode(NameNodeHandles nameNodes) {
    int[] found = {-1};
    await("an active NameNode").atMost(Timing.seconds(60)).pollInterval(POLL)
        .until(() -> (found[0] = nameNodes.findActive()) >= 0);
    return found[0];
  }

  /** Waits until {@link #isActive} holds for {@code cluster}. */
  static void forActiveCluster(MiniQuireCluster cluster) {
    await("mini cluster active").atMost(Timing.seconds(60)).pollInterval(POLL)
        .until(() -> isActive(cluster));
  }

  /**
   * Whether a NameNode is active and out of safe mode with every running DataNode live: asked
   * of an in-process single NameNode directly, else over RPC.
   */
  static boolean isActive(MiniQuireCluster cluster) {
    long running = cluster.runningDataNodes();
    if (!cluster.isHa() && !cluster.nameNodesForked()) {
      NameNode nn = cluster.getNameNode();
      return nn != null && !nn.isInSafeMode()
          && nn.getNamesystem().getDataNodeManager().getLiveNodes().size() >= running;
    }
    int active = cluster.getActiveNameNodeIndex();
    if (active < 0) {
      return false;
    }
    try {
      if (cluster.status(active).inSafeMode()) {
        return false;
      }
      long live = cluster.getClientProtocol().getDataNodeReport().stream()
          .filter(d -> d.getState() == DataNodeInfo.State.LIVE).count();
      return live >= running;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
