package io.quire.bench.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads {@code count} files {@code <prefix>/d<i / 1000>/f<i % 1000>} from several client
 * threads, in batches of {@value #BATCH} files (one batch: its creates, its addBlocks, one
 * incremental report per DataNode, its completes). Directories of 1,000 files, made first.
 */
final class ParallelLoad {
  static final int BATCH = 100;
  static final int PER_DIR = 1000;

  private ParallelLoad() {}

  /** Returns files per second. */
  static double run(NamespaceLoader loader, String prefix, int count, int threads,
      boolean oneBlock, String label) throws Exception {
    for (int d = 0; d * PER_DIR < count; d++) {
      loader.mkdirs(prefix + "/d" + d);
    }
    int batches = (count + BATCH - 1) / BATCH;
    AtomicLong done = new AtomicLong();
    long step = Math.max(1, batches / 10);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int thread = t;
        fs.add(pool.submit(() -> {
          for (int b = thread; b < batches; b += threads) {
            List<String> paths = new ArrayList<>(BATCH);
            for (int i = b * BATCH; i < Math.min(count, (b + 1) * BATCH); i++) {
              paths.add(prefix + "/d" + (i / PER_DIR) + "/f" + (i % PER_DIR));
            }
            loader.load(thread, paths, oneBlock);
            long n = done.incrementAndGet();
            if (n % step == 0) {
              System.out.printf("  %s: %d%% (%.0f s)%n", label, 100 * n / batches,
                  (System.nanoTime() - start) / 1e9);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
