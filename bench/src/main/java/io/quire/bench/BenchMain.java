package io.quire.bench;

import io.quire.bench.args.UsageException;
import io.quire.bench.history.CompareMain;
import io.quire.bench.memory.MemoryBenchMain;
import java.util.Arrays;

/**
 * {@code quire bench [--suite NAME] [args]} and {@code quire bench --compare OLD.json NEW.json}:
 * picks the suite. Without {@code --suite}: the core comparison ({@link CoreBenchMain}).
 * Suites: health, jobs, journal-replay, ha, soak, quota, snapshot, sweep, memory. Core, sweep and
 * memory write a JSON result under docs/bench/ ({@link io.quire.bench.history.ResultFiles}).
 */
public final class BenchMain {
  /** The suites --suite takes. */
  static final String SUITES =
      "core, sweep, memory, health, jobs, journal-replay, ha, soak, quota, snapshot";

  private BenchMain() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (UsageException e) {
      if (e.isHelp()) {
        System.out.print(e.getMessage());
      } else {
        System.err.println(e.getMessage());
      }
      System.exit(e.exitStatus());
    } catch (Exception e) {
      // A cluster that failed half-way may leave non-daemon threads: end the JVM, not hang.
      e.printStackTrace();
      System.err.println("bench: " + e);
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("--compare")) {
      CompareMain.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.printf("quire bench [--suite NAME] [options]%n  suites: %s (core without"
          + " --suite)%n  quire bench --suite NAME --help lists a suite's options%n"
          + "quire bench --compare OLD.json NEW.json [--threshold PERCENT]%n%nThe core suite:%n",
          SUITES);
    }
    if (args.length < 2 || !args[0].equals("--suite")) {
      CoreBenchMain.main(args);
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 2, args.length);
    switch (args[1]) {
      // Replication, safe mode and DataNode loss timings.
      case "health" -> HealthBenchMain.main(rest);
      // The bookstore jobs on quire://, hdfs:// and file://.
      case "jobs" -> JobsBenchMain.main(rest);
      // Replaying the HA shared journal from ZooKeeper.
      case "journal-replay" -> JournalReplayBenchMain.main(rest);
      case "ha" -> {
        // Failover pauses and HA metadata rates against HDFS HA.
        HaBenchMain.main(rest);
        System.exit(0); // an HDFS shutdown given up on (HdfsHaCluster.close) may leave threads
      }
      // A long mixed load with a DataNode restart: errors, latencies, heap.
      case "soak" -> SoakBenchMain.main(rest);
      // create+close with and without a quota on the parent.
      case "quota" -> QuotaBenchMain.main(rest);
      // create+close into a snapshottable directory with and without snapshots taken meanwhile.
      case "snapshot" -> SnapshotBenchMain.main(rest);
      // Metadata over thread counts, write and read over file sizes; an HTML page of charts.
      case "sweep" -> SweepBenchMain.main(rest);
      // NameNode heap per file and block, checkpoint size, restart time.
      case "memory" -> MemoryBenchMain.main(rest);
      case "core" -> CoreBenchMain.main(rest);
      default -> {
        System.err.println("bench: unknown suite '" + args[1] + "' (" + SUITES + ")");
        System.exit(2);
      }
    }
  }
}
