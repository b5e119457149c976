package io.quire.minicluster;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;

/**
 * The ZooKeeper of an HA mini cluster: one embedded server (curator-test {@link TestingServer})
 * or an ensemble of three ({@link TestingCluster}), data under the cluster's base directory,
 * ports chosen free and kept across restarts. Tick time {@value #TICK_MS} ms, so sessions may
 * be 2-20 ticks (0.6-6 s) and a test waits little for an expired session.
 */
public final class ZooKeeperHarness implements Closeable {
  /** ZooKeeper tick of the embedded servers. */
  public static final int TICK_MS = 300;

  private final TestingServer server;
  private final TestingCluster ensemble;
  private final List<InstanceSpec> specs;

  private ZooKeeperHarness(TestingServer server, TestingCluster ensemble,
      List<InstanceSpec> specs) {
    this.server = server;
    this.ensemble = ensemble;
    this.specs = specs;
  }

  /** Starts {@code servers} (1 or 3) ZooKeeper servers with data under {@code dir}. */
  public static ZooKeeperHarness start(File dir, int servers) throws Exception {
    if (servers != 1 && servers != 3) {
      throw new IllegalArgumentException("a mini cluster runs 1 or 3 ZooKeeper servers, not "
          + servers);
    }
    List<InstanceSpec> specs = new ArrayList<>();
    for (int i = 0; i < servers; i++) {
      File d = new File(dir, "zk" + i);
      d.mkdirs();
      specs.add(new InstanceSpec(d, -1, -1, -1, false, servers == 1 ? -1 : i + 1, TICK_MS, -1));
    }
    if (servers == 1) {
      return new ZooKeeperHarness(new TestingServer(specs.get(0), true), null, specs);
    }
    TestingCluster c = new TestingCluster(specs);
    c.start();
    return new ZooKeeperHarness(null, c, specs);
  }

  /** The connect string of every server. */
  public String connectString() {
    return server != null ? server.getConnectString() : ensemble.getConnectString();
  }

  public int size() {
    return specs.size();
  }

  /** Stops server {@code i} (its data stays). */
  public void stopServer(int i) throws Exception {
    if (server != null) {
      server.stop();
    } else {
      ensemble.killServer(specs.get(i));
    }
  }

  /** Starts server {@code i} again on its port and data. */
  public void startServer(int i) throws Exception {
    if (server != null) {
      server.restart();
    } else {
      ensemble.restartServer(specs.get(i));
    }
  }

  /** Stops every server, then starts them all again (the ensemble loses quorum meanwhile). */
  public void restartAll() throws Exception {
    if (server != null) {
      server.restart();
      return;
    }
    for (int i = 0; i < specs.size(); i++) {
      ensemble.killServer(specs.get(i));
    }
    for (int i = 0; i < specs.size(); i++) {
      ensemble.restartServer(specs.get(i));
    }
  }

  @Override public void close() throws IOException {
    if (server != null) {
      server.close();
    } else {
      ensemble.close();
    }
  }
}
