package io.quire.bench.memory;

import java.io.IOException;

/**
 * Calls {@code complete} until the NameNode says the file is closed, as a client does: it
 * answers false while the last block has fewer replicas reported than the minimum (HDFS
 * processes incremental reports asynchronously, so the first answer is often false).
 */
final class Completion {
  /** One complete RPC. */
  interface Call {
    boolean complete() throws IOException;
  }

  private static final long TIMEOUT_MS = 60_000;

  private Completion() {}

  static void await(String path, Call call) throws IOException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    long pause = 1;
    while (!call.complete()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("complete " + path + ": still not closed after " + TIMEOUT_MS
            + " ms (replicas not reported?)");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("complete " + path + ": interrupted", e);
      }
      pause = Math.min(100, pause * 2);
    }
  }
}
