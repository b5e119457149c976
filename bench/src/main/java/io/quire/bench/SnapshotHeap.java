package io.quire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The snapshot suite's heap figure: a directory of {@code files} empty files; then 10 times a
 * snapshot of it followed by 1% of its files overwritten (create with overwrite, different
 * files each time, so each snapshot keeps the replaced ones). Heap is this JVM's used heap
 * after {@code System.gc()} twice ({@link HeapProbe#thisJvmAfterGc}, the smallest of three):
 * it holds the NameNode, the DataNodes and the client (all in-process), so the figures are
 * differences taken on one cluster: per file (before and after the creates) and per snapshot
 * (before the first snapshot and after the last overwrite, over 10). Noisy.
 */
final class SnapshotHeap {
  static final int SNAPSHOTS = 10;
  private static final int THREADS = 8;

  private SnapshotHeap() {}

  static void measure(ClusterUnderTest c, Results r, int files) throws Exception {
    FileSystem fs = c.fileSystem();
    Path d = new Path("/bench/heap");
    fs.mkdirs(d);
    c.allowSnapshot(d, true);
    long empty = liveHeap();
    Workloads.metadata(fs, d, Workloads.MetaOp.CREATE, files, THREADS);
    long full = liveHeap();
    int changed = Math.max(1, files / 100);
    for (int s = 0; s < SNAPSHOTS; s++) {
      fs.createSnapshot(d, "h" + s);
      int round = s;
      // files round, round + 100, ...: distinct per round (as long as SNAPSHOTS <= 100)
      parallel(changed, j -> fs.create(new Path(d, "f" + ((long) j * 100 + round) % files), true)
          .close());
    }
    long after = liveHeap();
    r.add("heap per file, directory of " + files + " (in-process, after GC)", "bytes",
        c.name(), (full - empty) / (double) files);
    r.add("heap per snapshot, " + files + " files, 1% overwritten between " + SNAPSHOTS
        + " snapshots (in-process, after GC)", "KB", c.name(), (after - full) / 1024.0 / SNAPSHOTS);
  }

  private interface Op {
    void run(int i) throws Exception;
  }

  private static void parallel(int n, Op op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        fs.add(pool.submit(() -> {
          for (int i = first; i < n; i += THREADS) {
            op.run(i);
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
  }

  private static long liveHeap() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      min = Math.min(min, HeapProbe.thisJvmAfterGc());
    }
    return min;
  }
}
