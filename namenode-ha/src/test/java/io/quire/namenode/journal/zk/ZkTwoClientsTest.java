package io.quire.namenode.journal.zk;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ZkServerTest} with a second client on the same server: two NameNodes, each with its
 * own ZooKeeper session ({@link #client} is the first, {@link #clientB} the second).
 */
abstract class ZkTwoClientsTest extends ZkServerTest {
  static CuratorFramework clientB;

  @BeforeAll
  static void startSecondClient() throws Exception {
    clientB = ZkTestSupport.client(server);
  }

  @AfterAll
  static void stopSecondClient() {
    clientB.close();
  }
}
