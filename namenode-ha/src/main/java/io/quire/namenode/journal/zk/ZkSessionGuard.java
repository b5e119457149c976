package io.quire.namenode.journal.zk;

import java.io.IOException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * Fails a journal writer whose ZooKeeper session is gone: the session it opened on expired
 * (Curator reported LOST, or the client now runs on another session id). The epoch check of
 * every multi already keeps a deposed writer's batches out; this rule makes a writer that lost
 * its session (and so its leadership) stop at its next sync instead of writing on after a
 * reconnect, as the HA design requires (LOST steps down).
 */
final class ZkSessionGuard implements ConnectionStateListener, AutoCloseable {
  private final CuratorFramework client;
  private final long sessionId;
  private volatile boolean lost;

  ZkSessionGuard(CuratorFramework client) throws Exception {
    this.client = client;
    this.sessionId = client.getZookeeperClient().getZooKeeper().getSessionId();
    client.getConnectionStateListenable().addListener(this);
  }

  @Override
  public void stateChanged(CuratorFramework c, ConnectionState newState) {
    if (newState == ConnectionState.LOST) {
      lost = true;
    }
  }

  /** @throws IOException naming {@code operation} if the session this writer opened on is gone */
  void check(String operation) throws Exception {
    long now = client.getZookeeperClient().getZooKeeper().getSessionId();
    if (lost || now != sessionId) {
      lost = true;
      throw new IOException("ZooKeeper session 0x" + Long.toHexString(sessionId)
          + " of the journal writer expired; the writer fails and cannot " + operation
          + " (the NameNode must step down and reopen the journal with a new epoch)");
    }
  }

  @Override
  public void close() {
    client.getConnectionStateListenable().removeListener(this);
  }
}
