package io.quire.namenode.journal.zk;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * The read-ahead of a {@link ZkJournalReader}: batch znodes whose names a bucket listing gave
 * ({@link #plan}) are fetched with asynchronous getData calls pipelined on the one ZooKeeper
 * session, and {@link #take taken} in the order planned.
 *
 * <p>It fetches nothing before the first {@link #take}. A take first tops the requests up to
 * the window when no more than half the window is outstanding (so requests leave in runs,
 * which ZooKeeper's client and server handle with fewer wake-ups than one at a time), then
 * waits for the oldest. The window starts at one batch and doubles with every take up to
 * {@code limit}, so a reader that stops after a few records (the bootstrap check reads one)
 * costs a few reads, and a replay soon has up to {@code limit} batches in flight: at most that
 * many batches are requested or held at once (memory: {@code limit} times the largest batch,
 * {@link ZkJournalOptions#maxBatchBytes}).
 *
 * <p>Uses the ZooKeeper handle's own asynchronous API rather than Curator's background
 * operations: ZooKeeper answers every request, if only with a connection loss when the handle
 * closes, whereas a background operation Curator gives up on may never call back. A request
 * that fails (connection loss, session expiry) or has no answer within the session timeout is
 * read again synchronously through Curator, with its retry policy, when it is taken.
 *
 * <p>Not thread-safe: one reader thread plans and takes; ZooKeeper's event thread only
 * completes requests.
 */
final class ZkBatchWindow {
  /** A batch's znode path and data; data null if the znode no longer exists (purged). */
  record Batch(long firstTxId, String path, byte[] data) {}

  private record Request(long firstTxId, String path, CompletableFuture<byte[]> data) {}

  /** Completes the request's future (the context) from ZooKeeper's event thread. */
  private static final AsyncCallback.DataCallback COMPLETE = (rc, path, ctx, data, stat) -> {
    @SuppressWarnings("unchecked")
    CompletableFuture<byte[]> f = (CompletableFuture<byte[]>) ctx;
    if (rc == KeeperException.Code.OK.intValue()) {
      f.complete(data);
    } else if (rc == KeeperException.Code.NONODE.intValue()) {
      f.complete(null);
    } else {
      f.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), path));
    }
  };

  private final CuratorFramework client;
  private final ZkLayout layout;
  private final ZkBatchIndex index;
  /** The client's namespace ("" without one): raw ZooKeeper calls need it in their paths. */
  private final String namespace;
  private final int limit;
  private final ArrayDeque<Long> planned = new ArrayDeque<>();
  private final ArrayDeque<Request> requested = new ArrayDeque<>();
  private int window = 1;

  ZkBatchWindow(CuratorFramework client, ZkLayout layout, ZkBatchIndex index, int limit) {
    this.client = client;
    this.layout = layout;
    this.index = index;
    this.namespace = client.getNamespace() == null ? "" : client.getNamespace();
    this.limit = limit;
  }

  /** Whether every planned batch was taken. */
  boolean isEmpty() {
    return planned.isEmpty() && requested.isEmpty();
  }

  /** Batches requested and not taken yet, answered or not: never more than the limit. */
  int outstanding() {
    return requested.size();
  }

  /** Plans the batches named {@code firstTxIds} (ascending), to be taken after those planned. */
  void plan(List<Long> firstTxIds) {
    planned.addAll(firstTxIds);
  }

  /** The oldest planned batch not taken yet; the window must not be {@link #isEmpty}. */
  Batch take() throws IOException {
    if (requested.size() <= window / 2 && !planned.isEmpty()) {
      topUp();
    }
    Request r = requested.poll();
    window = Math.min(limit, window * 2);
    return new Batch(r.firstTxId(), r.path(), await(r));
  }

  /**
   * Forgets every planned and requested batch and closes the window to one batch (answers
   * still on their way are dropped).
   */
  void reset() {
    planned.clear();
    requested.clear();
    window = 1;
  }

  /** Requests planned batches until {@code window} are outstanding. */
  private void topUp() {
    ZooKeeper zk = null;
    Exception noHandle = null;
    try {
      zk = client.getZookeeperClient().getZooKeeper();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      noHandle = e; // read again when taken
    }
    while (requested.size() < window && !planned.isEmpty()) {
      long firstTxId = planned.poll();
      String path = layout.batch(firstTxId);
      CompletableFuture<byte[]> f = new CompletableFuture<>();
      if (zk == null) {
        f.completeExceptionally(noHandle);
      } else {
        zk.getData(namespace.isEmpty() ? path : ZKPaths.fixForNamespace(namespace, path), false,
            COMPLETE, f);
      }
      requested.add(new Request(firstTxId, path, f));
    }
  }

  private byte[] await(Request r) throws IOException {
    try {
      return r.data().get(ZkCalls.sessionTimeoutMs(client), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return index.read(r.firstTxId());
    } catch (InterruptedException e) {
      throw ZkCalls.io("read batch", r.path(), e);
    }
  }
}
