package io.quire.namenode.journal.zk;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * One test ZooKeeper and client per test class, and a fresh journal root per test: the
 * fixture of the ZooKeeper journal tests (ZkTestSupport builds the pieces).
 */
abstract class ZkServerTest {
  static TestingServer server;
  static CuratorFramework client;
  String root;
  ZkLayout layout;

  @BeforeAll
  static void startZooKeeper(TestInfo info) throws Exception {
    server = ZkTestSupport.startServer(info.getTestClass().orElseThrow());
    client = ZkTestSupport.client(server);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    client.close();
    server.close();
  }

  @BeforeEach
  void newRoot(TestInfo info) {
    root = ZkTestSupport.root(info);
    layout = new ZkLayout(root);
  }
}
