package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import java.net.ServerSocket;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mini cluster chooses its NameNode's web port itself, whatever the configuration it is
 * given says: `scripts/quire` puts conf/ (quire-site.xml names a fixed web port, 8721) on the
 * class path, and a bench or a second mini cluster next to a real NameNode must not fail to
 * bind (the soak bench did). DataNodes already get theirs the same way.
 */
class MiniClusterHttpPortTest {
  @Test
  @Timeout(120)
  void nameNodeWebPortIsChosenByTheClusterNotTakenFromConf() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Configuration conf = new Configuration();
      conf.set(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY, "localhost:" + taken.getLocalPort());
      try (MiniQuireCluster cluster = MiniQuireCluster.builder(conf).numDataNodes(0).build()) {
        assertNotEquals(taken.getLocalPort(), cluster.getNameNode().getHttpAddress().getPort());
      }
    }
  }
}
