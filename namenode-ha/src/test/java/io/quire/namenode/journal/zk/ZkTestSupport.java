package io.quire.namenode.journal.zk;

import io.quire.testing.TargetDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.TestInfo;

/**
 * ZooKeeper for journal tests: one {@link TestingServer} per test class with its data under
 * {@code <test data>/<class>/zk-data} (TargetDirs), Curator clients on it, and a distinct root
 * per test.
 */
final class ZkTestSupport {
  static final int SESSION_TIMEOUT_MS = 15_000;

  private ZkTestSupport() {}

  static TestingServer startServer(Class<?> testClass) throws Exception {
    return new TestingServer(spec(testClass, ""), true);
  }

  /** A three-server ensemble, data under {@code <test data>/<class>/zk-data/<i>}. */
  static TestingCluster startEnsemble(Class<?> testClass) throws Exception {
    List<InstanceSpec> specs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      specs.add(spec(testClass, "/" + i));
    }
    TestingCluster cluster = new TestingCluster(specs);
    cluster.start();
    return cluster;
  }

  private static InstanceSpec spec(Class<?> testClass, String sub) throws IOException {
    Path dir = TargetDirs.fresh(testClass, "zk-data" + sub);
    return new InstanceSpec(dir.toFile(), -1, -1, -1, true, -1, -1, -1);
  }

  /** A started client with Curator's usual retries, connected. */
  static CuratorFramework client(TestingServer server) throws Exception {
    return client(server, new ExponentialBackoffRetry(100, 3));
  }

  static CuratorFramework client(TestingServer server, RetryPolicy retry) throws Exception {
    return client(server.getConnectString(), retry);
  }

  static CuratorFramework client(String connectString, RetryPolicy retry) throws Exception {
    CuratorFramework c = CuratorFrameworkFactory.builder().connectString(connectString)
        .sessionTimeoutMs(SESSION_TIMEOUT_MS).connectionTimeoutMs(10_000).retryPolicy(retry)
        .build();
    c.start();
    if (!c.blockUntilConnected(30, TimeUnit.SECONDS)) {
      c.close();
      throw new IOException("Cannot connect to the test ZooKeeper " + connectString);
    }
    return c;
  }

  /** {@code /quire/<TestClass>-<testMethod>}: a fresh root per test on a shared server. */
  static String root(TestInfo info) {
    String cls = info.getTestClass().map(Class::getSimpleName).orElse("test");
    String method = info.getTestMethod().map(m -> m.getName()).orElse("case");
    return "/quire/" + cls + "-" + method;
  }

  /** Formats {@code root} (cluster "CID-test") and returns a journal on it written as nn1. */
  static ZkJournal formatted(CuratorFramework client, String root, ZkJournalOptions options)
      throws IOException {
    ZkJournal.format(client, root, "CID-test", false);
    return new ZkJournal(client, root, "nn1", options);
  }

  static ZkJournal formatted(CuratorFramework client, String root) throws IOException {
    return formatted(client, root, ZkJournalOptions.defaults());
  }
}
