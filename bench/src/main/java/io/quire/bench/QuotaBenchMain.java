package io.quire.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * {@code quire bench --suite quota [--runs 3] [--files 2000] [--threads 1,8] [--datanodes 1]
 * [--dir target/bench-quota]}: the cost of quotas. create+close of --files empty files per
 * thread count into a directory without a quota and into one with a name and a space quota
 * (large enough never to be reached: every create is checked and counted), on Quire and on
 * HDFS (MiniDFSCluster, edit log fsync on), fresh clusters per run, the two directories
 * alternating first. Prints medians and ratios (quire/hdfs).
 */
public final class QuotaBenchMain {
  private QuotaBenchMain() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    int files = 2000;
    int dataNodes = 1;
    List<Integer> threadCounts = List.of(1, 8);
    File dir = new File("target/bench-quota").getAbsoluteFile();
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
          System.err.println("bench --suite quota: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    System.out.printf("Quotas: create+close of %d files x threads %s into a directory without"
        + " and with a quota, %d runs, %d DataNode(s), %d cores%n", files, threadCounts, runs,
        dataNodes, Runtime.getRuntime().availableProcessors());
    Results results = new Results();
    for (int run = 0; run < runs; run++) {
      for (String target : new String[] {"quire", "hdfs"}) {
        File base = new File(dir, target + "-" + run);
        FileUtil.fullyDelete(base);
        try (ClusterUnderTest c = target.equals("quire")
            ? new QuireTarget(base, dataNodes, null)
            : new HdfsTarget(base, dataNodes, false, null)) {
          measure(c, results, files, threadCounts, run % 2 == 0);
        } finally {
          FileUtil.fullyDelete(base);
        }
        System.out.printf("run %d/%d: %s done%n", run + 1, runs, target);
      }
    }
    results.print(System.out, runs);
  }

  private static void measure(ClusterUnderTest c, Results r, int files,
      List<Integer> threadCounts, boolean plainFirst) throws Exception {
    FileSystem fs = c.fileSystem();
    for (int threads : threadCounts) {
      for (int k = 0; k < 2; k++) {
        boolean quota = (k == 0) != plainFirst;
        Path d = new Path("/bench/" + (quota ? "quota-" : "plain-") + threads);
        fs.mkdirs(d);
        if (quota) {
          fs.setQuota(d, 100L * files * threads, 1L << 50);
        }
        r.add("create+close x" + files + ", " + threads + " thread(s), "
            + (quota ? "quota on the parent" : "no quota"), "ops/s", c.name(),
            Workloads.metadata(fs, d, Workloads.MetaOp.CREATE, files, threads));
        fs.delete(d, true);
      }
    }
  }
}
