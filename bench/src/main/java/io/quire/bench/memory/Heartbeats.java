package io.quire.bench.memory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sends the fake DataNodes' heartbeats every 3 s (HDFS's and Quire's default interval). */
final class Heartbeats implements AutoCloseable {
  /** One DataNode's heartbeat. */
  interface Beat {
    void beat() throws java.io.IOException;
  }

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fake-datanode-heartbeats");
    t.setDaemon(true);
    return t;
  });

  Heartbeats(List<Beat> beats) {
    timer.scheduleWithFixedDelay(() -> {
      for (Beat b : beats) {
        try {
          b.beat();
        } catch (java.io.IOException e) {
          System.err.println("fake DataNode heartbeat failed: " + e);
        }
      }
    }, 3, 3, TimeUnit.SECONDS);
  }

  @Override public void close() {
    timer.shutdownNow();
  }
}
