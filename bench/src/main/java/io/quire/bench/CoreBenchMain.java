package io.quire.bench;

import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Limit;
import io.quire.bench.history.ResultFiles;
import io.quire.bench.limits.Bound;
import io.quire.bench.limits.PhysicalLimits;
import io.quire.bench.report.ReportTable;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.StringUtils;

/**
 * {@code quire bench [--runs 3] [--bytes 1g] [--files 5000] [--threads 1,8] [--datanodes 3]
 * [--only quire|hdfs] [--dir target/bench] [--hdfs-skip-fsync] [--sync-on-close true|false]
 * [--limit-seconds 2] [--no-limits] [--warmup 0]}: measures Quire and HDFS (MiniDFSCluster)
 * in the same JVM on the same machine, alternating between them in every run, and prints
 * medians, ratios (quire/hdfs; above 1 means Quire is faster) and how far each row is from the
 * limit this machine sets on it (measured first, see {@link PhysicalLimits}); writes the result
 * as JSON under docs/bench/ ({@link ResultFiles}).
 *
 * <p>Workloads: a sequential write then read of one file of --bytes (MB/s), and
 * create+close, getFileStatus, listStatus (of the directory of --files entries), rename and
 * delete of --files files from each thread count (operations/s). Each run starts fresh
 * clusters. {@code --warmup N} first does N untimed runs of both systems (results dropped):
 * rows of a few thousand operations otherwise measure mostly the JIT's warm-up, and Quire,
 * which runs first, pays for a cold JVM in run 1.
 *
 * <p>Durability is compared like for like: Quire's NameNode fsyncs its journal before it
 * answers a mutation, so HDFS's NameNode fsyncs its edit log too. MiniDFSCluster skips that
 * fsync unless told otherwise ({@code Builder.skipFsyncForTesting}, true by default), which
 * makes its mutations look several times cheaper than a real NameNode's;
 * {@code --hdfs-skip-fsync} restores that default for comparison. DataNodes differ by default:
 * Quire forces every finalized replica to disk (quire.datanode.sync-on-close=true), HDFS does
 * not (dfs.datanode.synconclose=false); {@code --sync-on-close} sets both to the same value.
 */
final class CoreBenchMain {
  private CoreBenchMain() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    int warmups = 0;
    long bytes = 1L << 30;
    int files = 5000;
    int dataNodes = 3;
    List<Integer> threadCounts = List.of(1, 8);
    String only = null;
    boolean hdfsSkipFsync = false;
    Boolean syncOnClose = null;
    long limitMillis = 2000;
    File dir = new File("target/bench").getAbsoluteFile();
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runs" -> { runs = Integer.parseInt(v); i++; }
        case "--warmup" -> { warmups = Integer.parseInt(v); i++; }
        case "--bytes" -> { bytes = StringUtils.TraditionalBinaryPrefix.string2long(v); i++; }
        case "--files" -> { files = Integer.parseInt(v); i++; }
        case "--datanodes" -> { dataNodes = Integer.parseInt(v); i++; }
        case "--threads" -> { threadCounts = intList(v); i++; }
        case "--only" -> { only = v; i++; }
        case "--hdfs-skip-fsync" -> hdfsSkipFsync = true;
        case "--sync-on-close" -> { syncOnClose = Boolean.valueOf(v); i++; }
        case "--dir" -> { dir = new File(v).getAbsoluteFile(); i++; }
        case "--limit-seconds" -> { limitMillis = (long) (Double.parseDouble(v) * 1000); i++; }
        case "--no-limits" -> limitMillis = 0;
        default -> {
          System.err.println("bench: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    if (warmups < 0) {
      System.err.println("bench: --warmup " + warmups + ": the number of untimed runs must be"
          + " 0 or more");
      System.exit(2);
    }
    ResultFiles out = ResultFiles.fromEnvironment(); // commit and load now, not at the end
    System.out.printf("Quire vs HDFS: %d runs, %d DataNodes, replication 3, %s sequential,"
        + " %d files x threads %s, %d cores, HDFS edit log fsync %s%n", runs, dataNodes,
        StringUtils.byteDesc(bytes), files, threadCounts,
        Runtime.getRuntime().availableProcessors(), hdfsSkipFsync ? "skipped" : "on");
    List<Limit> limits = limitMillis > 0
        ? PhysicalLimits.measure(dir, limitMillis, Math.min(bytes, 256L << 20)) : List.of();
    PhysicalLimits.print(System.out, limits);
    Results results = new Results();
    for (int run = -warmups; run < runs; run++) {
      Results into = run < 0 ? new Results() : results;
      for (String target : new String[] {"quire", "hdfs"}) {
        if (only != null && !only.equals(target)) {
          continue;
        }
        File base = new File(dir, target + "-" + run);
        FileUtil.fullyDelete(base);
        try (ClusterUnderTest c = target.equals("quire")
            ? new QuireTarget(base, dataNodes, syncOnClose)
            : new HdfsTarget(base, dataNodes, hdfsSkipFsync, syncOnClose)) {
          measure(c, into, limits, bytes, files, threadCounts);
        } finally {
          FileUtil.fullyDelete(base);
        }
        if (run < 0) {
          System.out.printf("warm-up %d/%d: %s done%n", run + warmups + 1, warmups, target);
        } else {
          System.out.printf("run %d/%d: %s done%n", run + 1, runs, target);
        }
      }
    }
    ReportTable.print(System.out, results.figures(), limits, runs);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("runs", Integer.toString(runs));
    settings.put("warmupRuns", Integer.toString(warmups));
    settings.put("bytes", Long.toString(bytes));
    settings.put("files", Integer.toString(files));
    settings.put("threads", threadCounts.toString());
    settings.put("datanodes", Integer.toString(dataNodes));
    settings.put("replication", "3");
    settings.put("hdfsEditLogFsync", Boolean.toString(!hdfsSkipFsync));
    settings.put("syncOnClose", syncOnClose == null
        ? "defaults (quire true, hdfs false)" : syncOnClose.toString());
    BenchResult r = out.result("core", settings, limits, results.figures());
    out.save(r);
  }

  static List<Integer> intList(String v) {
    List<Integer> ts = new ArrayList<>();
    for (String s : v.split(",")) {
      ts.add(Integer.parseInt(s.trim()));
    }
    return ts;
  }

  private static void measure(ClusterUnderTest c, Results r, List<Limit> limits, long bytes,
      int files, List<Integer> threadCounts) throws Exception {
    FileSystem fs = c.fileSystem();
    Path big = new Path("/bench/seq.bin");
    String write = "sequential write " + StringUtils.byteDesc(bytes);
    r.add(write, "MB/s", c.name(), Workloads.sequentialWrite(fs, big, bytes));
    r.bound(write, Bound.write(limits, 3));
    String read = "sequential read " + StringUtils.byteDesc(bytes);
    r.add(read, "MB/s", c.name(), Workloads.sequentialRead(fs, big));
    r.bound(read, Bound.read(limits));
    fs.delete(big, false);
    for (int threads : threadCounts) {
      Path d = new Path("/bench/meta-" + threads);
      fs.mkdirs(d);
      for (Workloads.MetaOp op : Workloads.MetaOp.values()) {
        String row = op.row(files, threads);
        r.add(row, op.unit, c.name(), Workloads.metadata(fs, d, op, files, threads));
        r.bound(row, Bound.metadata(limits, threads, op.rpcs(files), op.synced));
      }
      fs.delete(d, true);
    }
  }
}
