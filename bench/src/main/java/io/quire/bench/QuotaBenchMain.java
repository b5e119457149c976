package io.quire.bench;

import org.apache.hadoop.fs.FileSystem;

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
    CreateCloseSuite.Settings s = CreateCloseSuite.settings(
        CreateCloseSuite.commandLine("quota").parse(args));
    System.out.printf("Quotas: create+close of %d files x threads %s into a directory without"
        + " and with a quota, %d runs, %d DataNode(s), %d cores%n", s.files(), s.threadCounts(),
        s.runs(), s.dataNodes(), Runtime.getRuntime().availableProcessors());
    CreateCloseSuite.run(s, QuotaBenchMain::measure);
  }

  private static void measure(ClusterUnderTest c, Results r, CreateCloseSuite.Settings s,
      int run) throws Exception {
    FileSystem fs = c.fileSystem();
    int files = s.files();
    CreateCloseSuite.abPairs(fs, s, run, "quota", (d, threads, quota) -> {
      if (quota) {
        fs.setQuota(d, 100L * files * threads, 1L << 50);
      }
      r.add("create+close x" + files + ", " + threads + " thread(s), "
          + (quota ? "quota on the parent" : "no quota"), "ops/s", c.name(),
          Workloads.metadata(fs, d, Workloads.MetaOp.CREATE, files, threads));
    });
  }
}
