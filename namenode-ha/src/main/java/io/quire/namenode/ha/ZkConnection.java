package io.quire.namenode.ha;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

/**
 * The NameNode's one ZooKeeper client (Curator), shared by the election and the shared journal.
 * Curator reports SUSPENDED when the connection drops and LOST once the session timeout has
 * passed without it (the ensemble has expired the session by then, so its ephemeral latch node
 * is gone).
 */
public final class ZkConnection implements Closeable {
  private final CuratorFramework client;
  private final String quorum;

  private ZkConnection(CuratorFramework client, String quorum) {
    this.client = client;
    this.quorum = quorum;
  }

  /**
   * Connects to {@code quorum}; waits up to {@code sessionTimeoutMs} (at least 5 s) for the
   * first connection.
   *
   * @throws IOException naming the ensemble when it cannot be reached
   */
  public static ZkConnection connect(String quorum, int sessionTimeoutMs) throws IOException {
    CuratorFramework c = CuratorFrameworkFactory.builder()
        .connectString(quorum)
        .sessionTimeoutMs(sessionTimeoutMs)
        .connectionTimeoutMs(Math.min(sessionTimeoutMs, 15_000))
        .retryPolicy(new BoundedExponentialBackoffRetry(50, 1000, 20))
        .build();
    c.start();
    try {
      if (!c.blockUntilConnected(Math.max(5000, sessionTimeoutMs), TimeUnit.MILLISECONDS)) {
        c.close();
        throw new IOException("cannot reach ZooKeeper at " + quorum + " (waited "
            + Math.max(5000, sessionTimeoutMs) + " ms); check quire.ha.zookeeper.quorum and"
            + " that the ensemble runs (scripts/quire zookeeper)");
      }
    } catch (InterruptedException e) {
      c.close();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("connecting to ZooKeeper at " + quorum);
    }
    return new ZkConnection(c, quorum);
  }

  public CuratorFramework client() { return client; }

  /** Whether the client is connected right now (false while SUSPENDED or LOST). */
  public boolean isConnected() {
    return client.getZookeeperClient().isConnected();
  }

  public void addListener(ConnectionStateListener l) {
    client.getConnectionStateListenable().addListener(l);
  }

  public String quorum() { return quorum; }

  @Override public void close() {
    client.close();
  }
}
