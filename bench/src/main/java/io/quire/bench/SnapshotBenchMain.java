package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.history.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code quire bench --suite snapshot [--runs 3] [--files 2000] [--threads 1,8] [--datanodes 1]
 * [--dir target/bench-snapshot] [--heap-files 100000]}: the cost of snapshots to writers.
 * create+close of --files empty files per thread count into a snapshottable directory while a
 * separate thread takes 100 snapshots of it (evenly spaced: snapshot k is asked for when create
 * number {@code k*files/100 + files/200} has closed), against the same into a snapshottable
 * directory without snapshots; the two alternate first. The rate is files over the time from the
 * first create until the last create has closed and the last snapshot has been taken (a snapshotter
 * lagging behind is counted). Also the median time of one createSnapshot during the run. On
 * Quire and on HDFS (MiniDFSCluster, edit log fsync on), fresh clusters per run; medians and
 * ratios (quire/hdfs). Then, on the same cluster, {@link SnapshotHeap}'s heap per snapshot of a
 * directory of --heap-files files (0: skipped).
 */
public final class SnapshotBenchMain {
  /** Snapshots taken during one run of creates (fewer if --files is smaller). */
  private static final int SNAPSHOTS = 100;

  private SnapshotBenchMain() {}

  /** The options of {@code quire bench --suite snapshot}. */
  static CommandLine commandLine() {
    return CreateCloseSuite.commandLine("snapshot").value("--heap-files", "N", "100000",
        "files of the directory whose heap per snapshot is measured (0: skipped)");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    CreateCloseSuite.Settings s = CreateCloseSuite.settings(a);
    int heapFiles = a.integer("--heap-files");
    System.out.printf("Snapshots: create+close of %d files x threads %s into a snapshottable"
        + " directory without and with %d snapshots taken meanwhile, %d runs, %d DataNode(s),"
        + " %d cores%n", s.files(), s.threadCounts(), Math.min(SNAPSHOTS, s.files()), s.runs(),
        s.dataNodes(), Runtime.getRuntime().availableProcessors());
    int heap = heapFiles;
    CreateCloseSuite.run(s, (c, r, settings, run) -> {
      measure(c, r, settings, run);
      if (heap > 0) {
        SnapshotHeap.measure(c, r, heap);
      }
    });
  }

  private static void measure(ClusterUnderTest c, Results r, CreateCloseSuite.Settings s,
      int run) throws Exception {
    FileSystem fs = c.fileSystem();
    int files = s.files();
    CreateCloseSuite.abPairs(fs, s, run, "snap", (d, threads, snapshots) -> {
      c.allowSnapshot(d, true);
      String row = "create+close x" + files + ", " + threads + " thread(s), ";
      if (snapshots) {
        List<Double> millis = new ArrayList<>();
        r.add(row + Math.min(SNAPSHOTS, files) + " snapshots meanwhile", "ops/s", c.name(),
            createWithSnapshots(fs, d, files, threads, millis));
        r.add("createSnapshot during " + row.substring(0, row.length() - 2), "ms", c.name(),
            Stats.median(millis));
        for (int i = 0; i < millis.size(); i++) {
          fs.deleteSnapshot(d, "s" + i);
        }
      } else {
        long start = System.nanoTime();
        Workloads.metadata(fs, d, Workloads.MetaOp.CREATE, files, threads);
        r.add(row + "no snapshots", "ops/s", c.name(), files / seconds(start));
      }
      c.allowSnapshot(d, false);
    });
  }

  /**
   * Creates the files while a thread takes the snapshots {@code s0, s1, ...} of {@code dir};
   * adds each createSnapshot's time (ms) to {@code millis}; returns files per second.
   */
  private static double createWithSnapshots(FileSystem fs, Path dir, int files, int threads,
      List<Double> millis) throws Exception {
    int count = Math.min(SNAPSHOTS, files);
    int step = files / count;
    Semaphore asked = new Semaphore(0);
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread snapshotter = new Thread(() -> {
      try {
        for (int i = 0; i < count; i++) {
          asked.acquire();
          long t = System.nanoTime();
          fs.createSnapshot(dir, "s" + i);
          millis.add((System.nanoTime() - t) / 1e6);
        }
      } catch (Exception e) {
        failure.set(e);
      }
    }, "bench-snapshotter");
    snapshotter.setDaemon(true);
    snapshotter.start();
    long start = System.nanoTime();
    try {
      Workloads.metadata(fs, dir, Workloads.MetaOp.CREATE, files, threads, done -> {
        if ((done - 1) % step == (step - 1) / 2 && (done - 1) / step < count) {
          asked.release();
        }
      });
    } finally {
      // the creates failing must not leave the snapshotter waiting for them
      asked.release(count);
      snapshotter.join();
    }
    double rate = files / seconds(start);
    if (failure.get() != null) {
      throw new java.io.IOException("createSnapshot of " + dir + " during the creates failed: "
          + failure.get(), failure.get());
    }
    return rate;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
