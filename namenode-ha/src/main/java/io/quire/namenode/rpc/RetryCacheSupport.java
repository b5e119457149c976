package io.quire.namenode.rpc;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.ipc.RetryCache;
import org.apache.hadoop.ipc.RetryCache.CacheEntry;
import org.apache.hadoop.ipc.RetryCache.CacheEntryWithPayload;
import org.apache.hadoop.ipc.Server;

/**
 * The at-most-once guard of {@code @AtMostOnce} calls, as HDFS's NameNodeRpcServer uses
 * {@link RetryCache}: the IPC client id and call id of the current call name an entry; a repeat
 * of a call that succeeded gets the first answer (a payload for calls that return one) without
 * running again; a repeat of a call still running waits for it; a failed call runs again.
 * Outside an IPC call (in-process use) nothing is cached.
 */
public final class RetryCacheSupport {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** An operation to guard. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws IOException;
  }

  private final RetryCache cache;

  public RetryCacheSupport(float heapPercent, long expiryMs) {
    this.cache = new RetryCache("NameNodeRetryCache-" + INSTANCES.incrementAndGet(),
        heapPercent, TimeUnit.MILLISECONDS.toNanos(expiryMs));
  }

  public RetryCache getCache() { return cache; }

  /** Runs a call whose answer is replayed to repeats. */
  @SuppressWarnings("unchecked")
  public <T> T withPayload(Call<T> call) throws IOException {
    CacheEntryWithPayload e = RetryCache.waitForCompletion(cache, null, Server.getClientId(),
        Server.getCallId());
    if (e != null && e.isSuccess()) {
      return (T) e.getPayload();
    }
    boolean ok = false;
    T result = null;
    try {
      result = call.run();
      ok = true;
      return result;
    } finally {
      RetryCache.setState(e, ok, result);
    }
  }

  /** Runs a call without an answer; a repeat of a success returns at once. */
  public void withoutPayload(Call<Void> call) throws IOException {
    CacheEntry e = RetryCache.waitForCompletion(cache, Server.getClientId(), Server.getCallId());
    if (e != null && e.isSuccess()) {
      return;
    }
    boolean ok = false;
    try {
      call.run();
      ok = true;
    } finally {
      RetryCache.setState(e, ok);
    }
  }
}
