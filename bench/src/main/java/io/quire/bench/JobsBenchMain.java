package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.jobs.JobsMain;
import io.quire.jobs.mr.OrderJobTool;
import java.io.File;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/**
 * {@code quire bench --suite jobs [--orders 1000000] [--runs 3] [--datanodes 3]}: the bookstore
 * analytics on quire:// (MiniQuireCluster), hdfs:// (MiniDFSCluster) and file:// in the same
 * JVM and run: generating the archive, then every job with the LocalJobRunner. Figures are
 * orders per second (orders in the archive / wall time of the step; higher is better).
 */
public final class JobsBenchMain {
  private static final List<String> TARGETS = List.of("quire", "hdfs", "file");

  private JobsBenchMain() {}

  /** The options of {@code quire bench --suite jobs}. */
  static CommandLine commandLine() {
    return new CommandLine("bench --suite jobs")
        .value("--orders", "N", "1000000", "orders in the generated archive")
        .value("--runs", "N", "3", "runs, each on fresh clusters")
        .value("--datanodes", "N", "3", "DataNodes per cluster")
        .value("--dir", "DIR", "target/bench-jobs", "where the clusters and files live");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    long orders = a.longValue("--orders");
    int runs = a.integer("--runs");
    int dataNodes = a.integer("--datanodes");
    File dir = a.file("--dir");
    System.out.printf("Bookstore jobs: %d orders, %d runs, %d DataNodes (replication 3),"
        + " LocalJobRunner, %d cores%n", orders, runs, dataNodes,
        Runtime.getRuntime().availableProcessors());
    Results results = new Results();
    for (int run = 0; run < runs; run++) {
      for (String target : TARGETS) {
        File base = new File(dir, target + "-" + run);
        FileUtil.fullyDelete(base);
        base.mkdirs();
        try (ClusterUnderTest c = start(target, base, dataNodes)) {
          String root = c == null ? base.toURI().toString().replaceAll("/$", "")
              : c.fileSystem().getUri().toString().replaceAll("/$", "") + "/bench";
          Configuration conf = c == null ? new Configuration() : c.fileSystem().getConf();
          measure(target, conf, root, orders, results);
        } finally {
          FileUtil.fullyDelete(base);
        }
        System.out.printf("run %d/%d: %s done%n", run + 1, runs, target);
      }
    }
    results.print(System.out, runs, TARGETS);
  }

  private static ClusterUnderTest start(String target, File base, int dataNodes)
      throws Exception {
    return switch (target) {
      case "quire" -> new QuireTarget(base, dataNodes);
      case "hdfs" -> new HdfsTarget(base, dataNodes, false);
      default -> null;
    };
  }

  private static void measure(String target, Configuration conf, String root, long orders,
      Results r) throws Exception {
    String archive = root + "/bookstore";
    Configuration jobConf = new Configuration(conf);
    long t0 = System.nanoTime();
    check(JobsMain.run(jobConf, new String[] {"generate", "--orders", Long.toString(orders),
        "--days", "365", "--seed", "42", "--out", archive}), "generate on " + target);
    r.add("generate " + orders + " orders", "orders/s", target, rate(orders, t0));
    for (OrderJobTool job : JobsMain.jobs()) {
      long t = System.nanoTime();
      check(JobsMain.run(new Configuration(conf), new String[] {"run", job.name(), "--in",
          archive, "--out", root + "/out/" + job.name()}), job.name() + " on " + target);
      r.add("job " + job.name(), "orders/s", target, rate(orders, t));
    }
    FileSystem.closeAll();
  }

  private static double rate(long orders, long startNanos) {
    return orders / ((System.nanoTime() - startNanos) / 1e9);
  }

  private static void check(int rc, String what) {
    if (rc != 0) {
      throw new IllegalStateException(what + " failed with exit code " + rc);
    }
  }
}
