package io.quire.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileUtil;

/**
 * What the create+close A/B suites (quota, snapshot) share: their arguments
 * ({@code [--runs 3] [--files 2000] [--threads 1,8] [--datanodes 1] [--dir DIR]}) and the run
 * loop (per run, a fresh Quire then a fresh HDFS cluster, same DataNode count, HDFS's edit
 * log fsynced; the cluster's directory deleted afterwards).
 */
final class CreateCloseSuite {
  /** One run on one cluster: adds its figures to {@code results}. */
  interface Measure {
    void measure(ClusterUnderTest cluster, Results results, Settings s, int run) throws Exception;
  }

  /** The parsed arguments. */
  record Settings(int runs, int files, int dataNodes, List<Integer> threadCounts, File dir) {}

  private CreateCloseSuite() {}

  /** Parses the arguments of suite {@code suite}; an unknown one exits with status 2. */
  static Settings parse(String suite, String[] args) {
    return parse(suite, args, "");
  }

  /** As {@link #parse(String, String[])}; {@code moreUsage}: the suite's own arguments. */
  static Settings parse(String suite, String[] args, String moreUsage) {
    int runs = 3;
    int files = 2000;
    int dataNodes = 1;
    List<Integer> threadCounts = List.of(1, 8);
    File dir = new File("target/bench-" + suite).getAbsoluteFile();
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runs" -> { runs = Integer.parseInt(v); i++; }
        case "--files" -> { files = Integer.parseInt(v); i++; }
        case "--datanodes" -> { dataNodes = Integer.parseInt(v); i++; }
        case "--threads" -> {
          List<Integer> ts = new ArrayList<>();
          for (String s : v.split(",")) {
            ts.add(Integer.parseInt(s.trim()));
          }
          threadCounts = ts;
          i++;
        }
        case "--dir" -> { dir = new File(v).getAbsoluteFile(); i++; }
        default -> {
          System.err.println("bench --suite " + suite + ": unknown argument " + args[i]
              + " (--runs N, --files N, --threads N,M, --datanodes N, --dir DIR" + moreUsage + ")");
          System.exit(2);
        }
      }
    }
    return new Settings(runs, files, dataNodes, threadCounts, dir);
  }

  /** Runs {@code m} on Quire and HDFS, {@code s.runs()} times; prints medians and ratios. */
  static void run(Settings s, Measure m) throws Exception {
    Results results = new Results();
    for (int run = 0; run < s.runs(); run++) {
      for (String target : new String[] {"quire", "hdfs"}) {
        File base = new File(s.dir(), target + "-" + run);
        FileUtil.fullyDelete(base);
        try (ClusterUnderTest c = target.equals("quire")
            ? new QuireTarget(base, s.dataNodes(), null)
            : new HdfsTarget(base, s.dataNodes(), false, null)) {
          m.measure(c, results, s, run);
        } finally {
          FileUtil.fullyDelete(base);
        }
        System.out.printf("run %d/%d: %s done%n", run + 1, s.runs(), target);
      }
    }
    results.print(System.out, s.runs());
  }
}
