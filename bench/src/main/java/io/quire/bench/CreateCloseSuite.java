package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import java.io.File;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What the create+close A/B suites (quota, snapshot) share: their options
 * ({@code [--runs 3] [--files 2000] [--threads 1,8] [--datanodes 1] [--dir DIR]}) and the run
 * loop (per run, a fresh Quire then a fresh HDFS cluster, same DataNode count, HDFS's edit
 * log fsynced; the cluster's directory deleted afterwards: {@link Clusters}).
 */
final class CreateCloseSuite {
  /** One run on one cluster: adds its figures to {@code results}. */
  interface Measure {
    void measure(ClusterUnderTest cluster, Results results, Settings s, int run) throws Exception;
  }

  /** The work on one directory of an A/B pair. */
  interface Side {
    /**
     * @param treated true for the directory with the feature under test (quota, snapshots),
     *     false for the plain one
     */
    void measure(Path dir, int threads, boolean treated) throws Exception;
  }

  /** The parsed options. */
  record Settings(int runs, int files, int dataNodes, List<Integer> threadCounts, File dir) {}

  private CreateCloseSuite() {}

  /** The shared options of suite {@code suite}; the suite may declare more. */
  static CommandLine commandLine(String suite) {
    return new CommandLine("bench --suite " + suite)
        .value("--runs", "N", "3", "runs, each on fresh clusters")
        .value("--files", "N", "2000", "files created per thread count")
        .value("--threads", "N,M", "1,8", "client thread counts")
        .value("--datanodes", "N", "1", "DataNodes per cluster")
        .value("--dir", "DIR", "target/bench-" + suite,
            "where the clusters live (deleted after each run)");
  }

  /** Reads the options {@link #commandLine} declared. */
  static Settings settings(Arguments a) throws UsageException {
    return new Settings(a.integer("--runs"), a.integer("--files"), a.integer("--datanodes"),
        a.integers("--threads"), a.file("--dir"));
  }

  /**
   * Per thread count, {@code side} on a plain directory ({@code /bench/plain-<threads>}) and a
   * treated one ({@code /bench/<treated>-<threads>}), the plain one first in even runs; each
   * directory is made before and deleted after.
   */
  static void abPairs(FileSystem fs, Settings s, int run, String treated, Side side)
      throws Exception {
    boolean plainFirst = run % 2 == 0;
    for (int threads : s.threadCounts()) {
      for (int k = 0; k < 2; k++) {
        boolean isTreated = (k == 0) != plainFirst;
        Path d = new Path("/bench/" + (isTreated ? treated : "plain") + "-" + threads);
        fs.mkdirs(d);
        side.measure(d, threads, isTreated);
        fs.delete(d, true);
      }
    }
  }

  /** Runs {@code m} on Quire and HDFS, {@code s.runs()} times; prints medians and ratios. */
  static void run(Settings s, Measure m) throws Exception {
    Results results = new Results();
    Clusters clusters = Clusters.of(s.dataNodes());
    for (int run = 0; run < s.runs(); run++) {
      int r = run;
      clusters.run(s.dir(), "", run, Clusters.label(run, s.runs()),
          c -> m.measure(c, results, s, r));
    }
    results.print(System.out, s.runs());
  }
}
