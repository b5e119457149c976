package io.quire.namenode.rpc;

import io.quire.protocol.client.ClientProtocol;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many times each {@link ClientProtocol} method reached one NameNode's RPC handler, by
 * method name. Held per {@link NameNodeRpcServer} (never static), so tests of several NameNodes
 * in one JVM can assert the RPC cost of FileSystem calls (HDFS: getFileStatus = 1 getFileInfo,
 * create + close = create + complete, open = 1 getBlockLocations, rename = 1 rename).
 */
public final class ClientCallCounts {
  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final RecentCalls recent = new RecentCalls(System::currentTimeMillis);

  /** Counts one call of {@code method}. */
  public void record(String method) {
    counts.computeIfAbsent(method, k -> new LongAdder()).increment();
    recent.record(method);
  }

  /** The calls of the last minute (not cleared by {@link #reset}). */
  public RecentCalls recent() {
    return recent;
  }

  /** Calls of {@code method} since the start (or the last {@link #reset}). */
  public long get(String method) {
    LongAdder a = counts.get(method);
    return a == null ? 0 : a.sum();
  }

  /** Every method called at least once, with its count, sorted by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> {
      long n = v.sum();
      if (n > 0) {
        out.put(k, n);
      }
    });
    return out;
  }

  /** Forgets every count. */
  public void reset() {
    counts.values().forEach(LongAdder::reset);
  }

  /**
   * {@code target} behind a proxy that records each call here before running it; exceptions
   * reach the caller unwrapped, as from {@code target} itself.
   */
  public ClientProtocol counting(ClientProtocol target) {
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return invokeUnwrapped(method, target, args);
      }
      record(method.getName());
      return invokeUnwrapped(method, target, args);
    };
    return (ClientProtocol) Proxy.newProxyInstance(ClientProtocol.class.getClassLoader(),
        new Class<?>[] {ClientProtocol.class}, h);
  }

  private static Object invokeUnwrapped(Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
