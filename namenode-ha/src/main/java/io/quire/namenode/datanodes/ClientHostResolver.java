package io.quire.namenode.datanodes;

import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Turns the host name a writer names (addBlock's client host) into the address its DataNode
 * registered with, for the writer-local first replica. Called before the namesystem lock is
 * taken: a lookup runs on a small pool of its own and is waited for at most the resolve
 * timeout; answers (an address or "does not resolve") are cached for the expiry time in an
 * LRU of bounded size, and a lookup still running is shared by every caller naming that host.
 * A lookup that times out, fails or finds the pool full leaves the name as it was: the block
 * is then placed without the writer-local preference unless a DataNode registered with that
 * very name.
 */
public final class ClientHostResolver {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
  private static final int THREADS = 4;
  private static final int QUEUE = 1000;

  private final LongSupplier clock;
  private final long timeoutMs;
  private final int maxEntries;
  private final long expiryMs;
  private final ExecutorService pool;
  private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
  private volatile HostLookup lookup = HostLookup.DNS;

  private record Entry(CompletableFuture<String> address, long startedMillis) { }

  /**
   * @param timeoutMs longest a caller waits for one lookup
   * @param maxEntries host names cached (0 = none)
   * @param expiryMs how long an answer is used
   */
  public ClientHostResolver(LongSupplier clock, long timeoutMs, int maxEntries, long expiryMs) {
    this.clock = clock;
    this.timeoutMs = timeoutMs;
    this.maxEntries = maxEntries;
    this.expiryMs = expiryMs;
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor p = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "client-host-lookup-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    p.allowCoreThreadTimeOut(true);
    this.pool = p;
  }

  /** How names are looked up (DNS; tests inject their own). */
  public void setLookup(HostLookup l) {
    this.lookup = l;
  }

  /**
   * The address of {@code host}, or {@code host} itself when it is an address already, does
   * not resolve, or its lookup takes longer than the timeout. Never call it holding the
   * namesystem lock.
   */
  public String resolve(String host) {
    if (host == null || host.isEmpty() || IP_LITERAL.matcher(host).matches()) {
      return host;
    }
    CompletableFuture<String> answer;
    try {
      answer = lookupOrCached(host);
    } catch (RejectedExecutionException e) {
      return host; // every lookup thread is stuck and the queue is full
    }
    try {
      String address = answer.get(timeoutMs, TimeUnit.MILLISECONDS);
      return address == null ? host : address;
    } catch (TimeoutException | ExecutionException e) {
      return host;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return host;
    }
  }

  private CompletableFuture<String> lookupOrCached(String host) {
    long now = clock.getAsLong();
    synchronized (cache) {
      Entry e = cache.get(host);
      if (e != null && (!e.address().isDone() || now - e.startedMillis() <= expiryMs)) {
        return e.address();
      }
      HostLookup l = lookup;
      CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
        try {
          return l.addressOf(host);
        } catch (UnknownHostException x) {
          return null;
        }
      }, pool);
      if (maxEntries > 0) {
        cache.put(host, new Entry(f, now));
        if (cache.size() > maxEntries) {
          cache.remove(cache.keySet().iterator().next());
        }
      }
      return f;
    }
  }
}
