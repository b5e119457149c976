package io.quire.it.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cases of a fuzz run in batches on a few threads; after each batch, a health check
 * (the daemons' threads, buffers and heap back to their baseline). Failures name the seed, the
 * case index and what the case sent, and the properties that replay it.
 */
final class FuzzRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FuzzRunner.class);

  private final FuzzSettings settings;
  private final int threads;
  private final int batchSize;
  private final Duration caseTimeout;

  FuzzRunner(FuzzSettings settings, int threads, int batchSize, Duration caseTimeout) {
    this.settings = settings;
    this.threads = threads;
    this.batchSize = batchSize;
    this.caseTimeout = caseTimeout;
  }

  /** A check run after every batch, named by the cases the batch ran. */
  interface BatchCheck {
    void afterBatch(String batch) throws Exception;
  }

  /**
   * Generates and runs every case; throws an AssertionError naming the failed cases (at most
   * ten, with the count of all) after the batch where they failed and its health check.
   */
  void run(String what, BiFunction<Integer, Random, FuzzCase> generator, BatchCheck check)
      throws Exception {
    LOG.info("Fuzzing {}: {}", what, settings);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fuzz-" + what);
      t.setDaemon(true);
      return t;
    });
    try {
      for (int from = 0; from < settings.cases(); from += batchSize) {
        int to = Math.min(settings.cases(), from + batchSize);
        List<String> failures = runBatch(pool, generator, from, to);
        String batch = what + " cases " + from + ".." + (to - 1) + " of " + settings;
        if (!failures.isEmpty()) {
          StringBuilder m = new StringBuilder(failures.size() + " of " + batch + " failed:");
          failures.stream().limit(10).forEach(f -> m.append("\n  ").append(f));
          throw new AssertionError(m.toString());
        }
        try {
          check.afterBatch(batch);
        } catch (Throwable e) {
          throw new AssertionError("after " + batch + ": " + e.getMessage(), e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> runBatch(ExecutorService pool,
      BiFunction<Integer, Random, FuzzCase> generator, int from, int to)
      throws InterruptedException {
    List<Integer> indexes = new ArrayList<>();
    List<FuzzCase> cases = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (!settings.runs(i)) {
        continue;
      }
      FuzzCase c = generator.apply(i, settings.caseRandom(i));
      indexes.add(i);
      cases.add(c);
      running.add(pool.submit(() -> {
        c.run();
        return null;
      }));
    }
    List<String> failures = new ArrayList<>();
    for (int k = 0; k < running.size(); k++) {
      String name = "case " + indexes.get(k) + " [" + settings.replay(indexes.get(k)) + "] "
          + cases.get(k).describe();
      try {
        running.get(k).get(caseTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        running.get(k).cancel(true);
        failures.add(name + ": no outcome within " + caseTimeout.toMillis() + " ms");
      } catch (ExecutionException e) {
        failures.add(name + ": " + e.getCause());
        LOG.warn("Fuzz {} failed", name, e.getCause());
      }
    }
    return failures;
  }
}
