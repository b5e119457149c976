package io.quire.datanode.testing;

import static org.awaitility.Awaitility.await;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.nnactor.NameNodeConnector;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.types.DataNodeId;
import io.quire.testing.TargetDirs;
import io.quire.testing.Timing;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** Starts in-process DataNodes under target/ that talk to one {@link FakeNameNode}. */
public final class DataNodeHarness implements AutoCloseable {
  public final FakeNameNode nn = new FakeNameNode("test-cluster");
  private final File base;
  private final List<DataNode> nodes = new ArrayList<>();

  /** DataNodes under a fresh {@code <test data>/DataNodeHarness/<name>} (see TargetDirs). */
  public DataNodeHarness(String name) {
    try {
      base = TargetDirs.freshFile(DataNodeHarness.class, name);
    } catch (IOException e) {
      throw new UncheckedIOException("DataNodeHarness " + name + ": " + e.getMessage(), e);
    }
  }

  public File dirOf(int i) { return new File(base, "dn" + i); }

  public Configuration conf(int i) {
    Configuration c = new Configuration(false);
    c.set(DataNodeConfigKeys.DATA_DIR_KEY, new File(dirOf(i), "d1") + ","
        + new File(dirOf(i), "d2"));
    c.set(DataNodeConfigKeys.ADDRESS_KEY, "127.0.0.1:0");
    c.set(DataNodeConfigKeys.HOSTNAME_KEY, "localhost");
    c.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:1");
    c.setLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY, 200);
    c.setLong(DataNodeConfigKeys.NAMENODE_RETRY_MAX_KEY, 400);
    c.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, 20_000);
    // Tests of other concerns speak to DataNodes without tokens; BlockTokenTest turns them on.
    c.setBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY, false);
    return c;
  }

  public NameNodeConnector connector() {
    return new NameNodeConnector() {
      @Override public DataNodeProtocol connect(Configuration conf, InetSocketAddress a) {
        return nn;
      }

      @Override public void close(DataNodeProtocol proxy) {}
    };
  }

  /** Starts DataNode {@code i} (a new one, or again on the same directories). */
  public DataNode start(int i) {
    return start(conf(i));
  }

  public DataNode start(Configuration conf) {
    DataNode dn = new DataNode(connector());
    dn.init(conf);
    dn.start();
    nodes.add(dn);
    return dn;
  }

  /**
   * Starts DataNodes 0 to {@code n - 1} of a harness that has started none yet, and waits until
   * the NameNode has a block report from each: then they accept writes.
   */
  public DataNode[] startReported(int n) {
    DataNode[] dns = new DataNode[n];
    for (int i = 0; i < n; i++) {
      dns[i] = start(i);
    }
    await("block reports of " + n + " DataNodes").atMost(Timing.seconds(15))
        .until(() -> nn.reports.get() >= n);
    return dns;
  }

  /** The ids of {@code dns} in order: a write pipeline through them. */
  public static List<DataNodeId> pipelineOf(DataNode... dns) {
    return Arrays.stream(dns).map(DataNode::getDataNodeId).toList();
  }

  public static DataNodeId idOf(DataNode dn) {
    return dn.getDataNodeId();
  }

  @Override public void close() throws IOException {
    for (DataNode dn : nodes) {
      dn.stop();
    }
  }
}
