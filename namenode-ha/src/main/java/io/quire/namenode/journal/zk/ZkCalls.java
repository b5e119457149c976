package io.quire.namenode.journal.zk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/** Small ZooKeeper helpers of the journal: reads that tolerate absence, errors as IOException. */
final class ZkCalls {
  /** Used when the client has not negotiated a session timeout yet (Curator's default). */
  private static final int FALLBACK_SESSION_TIMEOUT_MS = 60_000;

  private ZkCalls() {}

  /**
   * {@code e} as the IOException a journal caller sees: our own IOExceptions (fencing,
   * corruption) unchanged, an interrupt as {@link InterruptedIOException} (flag restored), any
   * other ZooKeeper or Curator failure wrapped with the operation and the znode.
   */
  static IOException io(String operation, String path, Exception e) {
    if (e instanceof IOException io) {
      return io;
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException("Interrupted during ZooKeeper "
          + operation + " of " + path);
      ie.initCause(e);
      return ie;
    }
    return new IOException("ZooKeeper " + operation + " of " + path + " failed: " + e, e);
  }

  /** The data of {@code path} (its Stat into {@code stat} when not null), or null if absent. */
  static byte[] getDataOrNull(CuratorFramework client, String path, Stat stat) throws Exception {
    try {
      return stat == null ? client.getData().forPath(path)
          : client.getData().storingStatIn(stat).forPath(path);
    } catch (KeeperException.NoNodeException e) {
      return null;
    }
  }

  /** Whether {@code e} leaves the outcome of a write unknown (the reply may have been lost). */
  static boolean outcomeUnknown(Exception e) {
    return e instanceof KeeperException.ConnectionLossException
        || e instanceof KeeperException.OperationTimeoutException;
  }

  /** The session timeout the client negotiated: how long an unknown outcome may stay unknown. */
  static long sessionTimeoutMs(CuratorFramework client) {
    int negotiated = client.getZookeeperClient().getLastNegotiatedSessionTimeoutMs();
    return negotiated > 0 ? negotiated : FALLBACK_SESSION_TIMEOUT_MS;
  }

  /**
   * Waits until the client is connected again, at most until {@code deadlineNanos}.
   *
   * @throws IOException naming {@code what} if it is not connected by then
   */
  static void awaitReconnect(CuratorFramework client, long deadlineNanos, String what)
      throws IOException, InterruptedException {
    long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (leftMs <= 0 || !client.blockUntilConnected((int) Math.min(leftMs, Integer.MAX_VALUE),
        TimeUnit.MILLISECONDS)) {
      throw new IOException("ZooKeeper unreachable for the session timeout ("
          + sessionTimeoutMs(client) + " ms): " + what);
    }
  }
}
