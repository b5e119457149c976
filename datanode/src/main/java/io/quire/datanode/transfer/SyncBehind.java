package io.quire.datanode.transfer;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forces a replica's block and meta file to disk in the background while it is being
 * received, every {@code intervalBytes} written, so that the disk writes back the block during
 * the transfer instead of all at once when the block is closed: the force before the last ack
 * (sync on close) then finds only the tail still dirty. HDFS's
 * {@code dfs.datanode.sync.behind.writes} starts the same write-back with sync_file_range; Java
 * has no such call, so a helper thread (created on the first force, one per replica being
 * written) calls {@link FileChannel#force}. At most one background force per replica is in
 * flight; a write that crosses the interval while one runs starts none.
 *
 * <p>Durability does not depend on it: the final {@link ReplicaOutput#sync} still forces both
 * files after {@link #await()}. A background force that failed fails that {@code await()} (and
 * so the close), because after a failed fdatasync Linux may report success for the next one
 * although the pages were lost.
 */
final class SyncBehind implements Closeable {
  private final FileChannel blockCh;
  private final FileChannel metaCh;
  private final File blockFile;
  private final long intervalBytes;
  private ExecutorService thread;
  private Future<?> pending;
  private long lastStartedAt;
  private IOException failure;

  /** @param intervalBytes bytes written between background forces; 0 or less: never */
  SyncBehind(FileChannel blockCh, FileChannel metaCh, File blockFile, long intervalBytes) {
    this.blockCh = blockCh;
    this.metaCh = metaCh;
    this.blockFile = blockFile;
    this.intervalBytes = intervalBytes;
  }

  /** The replica now holds {@code endOffset} bytes: starts a background force when due. */
  void written(long endOffset) {
    if (intervalBytes <= 0 || endOffset - lastStartedAt < intervalBytes) {
      return;
    }
    if (pending != null && !pending.isDone()) {
      return;
    }
    collect();
    if (failure != null) {
      return;
    }
    if (thread == null) {
      thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "SyncBehind-" + blockFile.getName());
        t.setDaemon(true);
        return t;
      });
    }
    lastStartedAt = endOffset;
    pending = thread.submit(() -> {
      blockCh.force(false);
      metaCh.force(false);
      return null;
    });
  }

  /**
   * Waits for the background force in flight, if any; throws if any background force failed.
   */
  void await() throws IOException {
    if (pending != null) {
      try {
        pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("sync " + blockFile + ": interrupted");
      } catch (ExecutionException e) {
        // collected below
      }
    }
    collect();
    if (failure != null) {
      throw new IOException("sync " + blockFile + ": a background force failed: "
          + failure.getMessage(), failure);
    }
  }

  /** Records the outcome of a finished background force. */
  private void collect() {
    Future<?> f = pending;
    if (f == null || !f.isDone()) {
      return;
    }
    pending = null;
    try {
      f.get();
    } catch (ExecutionException e) {
      if (failure == null) {
        failure = e.getCause() instanceof IOException ? (IOException) e.getCause()
            : new IOException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the force in flight (its outcome no longer matters) and stops the thread. */
  @Override public void close() {
    if (thread == null) {
      return;
    }
    try {
      await();
    } catch (IOException ignored) {
      // the replica is being closed without a sync: nothing relies on it
    }
    thread.shutdownNow();
  }
}
