package io.quire.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.StringUtils;

/**
 * {@code quire bench [--runs 3] [--bytes 1g] [--files 5000] [--threads 1,8] [--datanodes 3]
 * [--only quire|hdfs] [--dir target/bench] [--hdfs-skip-fsync] [--sync-on-close true|false]}:
 * measures Quire and HDFS
 * (MiniDFSCluster) in the same JVM on the same machine, alternating between them in every
 * run, and prints medians and ratios (quire/hdfs; above 1 means Quire is faster).
 *
 * <p>Workloads: a sequential write then read of one file of --bytes (MB/s), and
 * create+close, getFileStatus, rename and delete of --files files from each thread count
 * (operations/s). Each run starts fresh clusters.
 *
 * <p>Durability is compared like for like: Quire's NameNode fsyncs its journal before it
 * answers a mutation, so HDFS's NameNode fsyncs its edit log too. MiniDFSCluster skips that
 * fsync unless told otherwise ({@code Builder.skipFsyncForTesting}, true by default), which
 * makes its mutations look several times cheaper than a real NameNode's;
 * {@code --hdfs-skip-fsync} restores that default for comparison. DataNodes differ by default:
 * Quire forces every finalized replica to disk (quire.datanode.sync-on-close=true), HDFS does
 * not (dfs.datanode.synconclose=false); {@code --sync-on-close} sets both to the same value.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--suite") && args[1].equals("health")) {
      // Replication, safe mode and DataNode loss timings: see HealthBenchMain.
      HealthBenchMain.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length >= 2 && args[0].equals("--suite") && args[1].equals("jobs")) {
      // The bookstore jobs on quire://, hdfs:// and file://: see JobsBenchMain.
      JobsBenchMain.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length >= 2 && args[0].equals("--suite") && args[1].equals("journal-replay")) {
      // Replaying the HA shared journal from ZooKeeper: see JournalReplayBenchMain.
      JournalReplayBenchMain.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length >= 2 && args[0].equals("--suite") && args[1].equals("ha")) {
      // Failover pauses and HA metadata rates against HDFS HA: see HaBenchMain.
      HaBenchMain.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      System.exit(0); // an HDFS shutdown given up on (HdfsHaCluster.close) may leave threads
      return;
    }
    if (args.length >= 2 && args[0].equals("--suite") && args[1].equals("quota")) {
      // create+close with and without a quota on the parent: see QuotaBenchMain.
      QuotaBenchMain.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length >= 2 && args[0].equals("--suite") && args[1].equals("soak")) {
      // A long mixed load with a DataNode restart: errors, latencies, heap: see SoakBenchMain.
      SoakBenchMain.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    int runs = 3;
    long bytes = 1L << 30;
    int files = 5000;
    int dataNodes = 3;
    List<Integer> threadCounts = List.of(1, 8);
    String only = null;
    boolean hdfsSkipFsync = false;
    Boolean syncOnClose = null;
    File dir = new File("target/bench").getAbsoluteFile();
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runs" -> { runs = Integer.parseInt(v); i++; }
        case "--bytes" -> { bytes = StringUtils.TraditionalBinaryPrefix.string2long(v); i++; }
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
        case "--only" -> { only = v; i++; }
        case "--hdfs-skip-fsync" -> hdfsSkipFsync = true;
        case "--sync-on-close" -> { syncOnClose = Boolean.valueOf(v); i++; }
        case "--dir" -> { dir = new File(v).getAbsoluteFile(); i++; }
        default -> {
          System.err.println("bench: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    System.out.printf("Quire vs HDFS: %d runs, %d DataNodes, replication 3, %s sequential,"
        + " %d files x threads %s, %d cores, HDFS edit log fsync %s%n", runs, dataNodes,
        StringUtils.byteDesc(bytes), files, threadCounts,
        Runtime.getRuntime().availableProcessors(), hdfsSkipFsync ? "skipped" : "on");
    Results results = new Results();
    for (int run = 0; run < runs; run++) {
      for (String target : new String[] {"quire", "hdfs"}) {
        if (only != null && !only.equals(target)) {
          continue;
        }
        File base = new File(dir, target + "-" + run);
        FileUtil.fullyDelete(base);
        try (ClusterUnderTest c = target.equals("quire")
            ? new QuireTarget(base, dataNodes, syncOnClose)
            : new HdfsTarget(base, dataNodes, hdfsSkipFsync, syncOnClose)) {
          measure(c, results, bytes, files, threadCounts);
        } finally {
          FileUtil.fullyDelete(base);
        }
        System.out.printf("run %d/%d: %s done%n", run + 1, runs, target);
      }
    }
    results.print(System.out, runs);
  }

  private static void measure(ClusterUnderTest c, Results r, long bytes, int files,
      List<Integer> threadCounts) throws Exception {
    FileSystem fs = c.fileSystem();
    Path big = new Path("/bench/seq.bin");
    r.add("sequential write " + StringUtils.byteDesc(bytes), "MB/s", c.name(),
        Workloads.sequentialWrite(fs, big, bytes));
    r.add("sequential read " + StringUtils.byteDesc(bytes), "MB/s", c.name(),
        Workloads.sequentialRead(fs, big));
    fs.delete(big, false);
    for (int threads : threadCounts) {
      Path d = new Path("/bench/meta-" + threads);
      fs.mkdirs(d);
      for (Workloads.MetaOp op : Workloads.MetaOp.values()) {
        r.add(op.name().toLowerCase().replace('_', ' ') + " x" + files + ", " + threads
            + " thread(s)", "ops/s", c.name(), Workloads.metadata(fs, d, op, files, threads));
      }
      fs.delete(d, true);
    }
  }
}
