package io.quire.bench;

import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Limit;
import io.quire.bench.history.ResultFiles;
import io.quire.bench.limits.Bound;
import io.quire.bench.limits.PhysicalLimits;
import io.quire.bench.report.ReportTable;
import io.quire.bench.sweep.Series;
import io.quire.bench.sweep.SweepPage;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.StringUtils;

/**
 * {@code quire bench --suite sweep [--runs 3] [--files 1000] [--threads 1,2,4,8,16,32]
 * [--sizes 1k,16k,256k,4m,64m,256m] [--full] [--datanodes 3] [--only quire|hdfs]
 * [--sync-on-close true|false] [--hdfs-skip-fsync] [--dir target/bench] [--no-limits]}:
 * how cost grows. Metadata operations (create+close, getFileStatus, listStatus, rename, delete)
 * of --files files at each thread count, and write then read of files of each size (small
 * sizes write several files: 64 MiB in all, at most 100), Quire and HDFS alternating in each
 * run as the core suite does. {@code --full} adds 1 GiB to the sizes. Prints the table, writes
 * the JSON result and, next to it, an HTML page of charts (XChart PNGs embedded, as the
 * bookstore report; no network).
 */
public final class SweepBenchMain {
  private SweepBenchMain() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    int files = 1000;
    int dataNodes = 3;
    List<Integer> threadCounts = List.of(1, 2, 4, 8, 16, 32);
    List<Long> sizes = new ArrayList<>(List.of(1L << 10, 16L << 10, 256L << 10, 4L << 20,
        64L << 20, 256L << 20));
    boolean full = false;
    String only = null;
    boolean hdfsSkipFsync = false;
    Boolean syncOnClose = null;
    long limitMillis = 2000;
    File dir = new File("target/bench").getAbsoluteFile();
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runs" -> { runs = Integer.parseInt(v); i++; }
        case "--files" -> { files = Integer.parseInt(v); i++; }
        case "--datanodes" -> { dataNodes = Integer.parseInt(v); i++; }
        case "--threads" -> { threadCounts = CoreBenchMain.intList(v); i++; }
        case "--sizes" -> {
          sizes = new ArrayList<>();
          for (String s : v.split(",")) {
            sizes.add(StringUtils.TraditionalBinaryPrefix.string2long(s.trim()));
          }
          i++;
        }
        case "--full" -> full = true;
        case "--only" -> { only = v; i++; }
        case "--hdfs-skip-fsync" -> hdfsSkipFsync = true;
        case "--sync-on-close" -> { syncOnClose = Boolean.valueOf(v); i++; }
        case "--dir" -> { dir = new File(v).getAbsoluteFile(); i++; }
        case "--limit-seconds" -> { limitMillis = (long) (Double.parseDouble(v) * 1000); i++; }
        case "--no-limits" -> limitMillis = 0;
        default -> {
          System.err.println("bench --suite sweep: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    if (full && !sizes.contains(1L << 30)) {
      sizes.add(1L << 30);
    }
    ResultFiles out = ResultFiles.fromEnvironment(); // commit and load now, not at the end
    System.out.printf("Sweep, Quire vs HDFS: %d runs, %d DataNodes, replication 3, metadata x%d"
        + " files on threads %s, sizes %s, %d cores%n", runs, dataNodes, files, threadCounts,
        sizes.stream().map(StringUtils::byteDesc).toList(),
        Runtime.getRuntime().availableProcessors());
    List<Limit> limits = limitMillis > 0
        ? PhysicalLimits.measure(dir, limitMillis, 256L << 20) : List.of();
    PhysicalLimits.print(System.out, limits);
    Results results = new Results();
    List<Series> charts = charts(files, threadCounts, sizes);
    for (int run = 0; run < runs; run++) {
      for (String target : new String[] {"quire", "hdfs"}) {
        if (only != null && !only.equals(target)) {
          continue;
        }
        File base = new File(dir, "sweep-" + target + "-" + run);
        FileUtil.fullyDelete(base);
        try (ClusterUnderTest c = target.equals("quire")
            ? new QuireTarget(base, dataNodes, syncOnClose)
            : new HdfsTarget(base, dataNodes, hdfsSkipFsync, syncOnClose)) {
          measure(c.fileSystem(), c.name(), results, limits, files, threadCounts, sizes);
        } finally {
          FileUtil.fullyDelete(base);
        }
        System.out.printf("run %d/%d: %s done%n", run + 1, runs, target);
      }
    }
    ReportTable.print(System.out, results.figures(), limits, runs);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("runs", Integer.toString(runs));
    settings.put("files", Integer.toString(files));
    settings.put("threads", threadCounts.toString());
    settings.put("sizes", sizes.toString());
    settings.put("datanodes", Integer.toString(dataNodes));
    settings.put("replication", "3");
    settings.put("hdfsEditLogFsync", Boolean.toString(!hdfsSkipFsync));
    settings.put("syncOnClose", syncOnClose == null
        ? "defaults (quire true, hdfs false)" : syncOnClose.toString());
    BenchResult r = out.result("sweep", settings, limits, results.figures());
    out.save(r);
    java.nio.file.Path html = out.htmlFile(r);
    Files.writeString(html, SweepPage.render(r, charts));
    System.out.println("Charts written to " + html);
  }

  /** Files written per size: 64 MiB in all, between 1 and 100. */
  static int filesForSize(long size) {
    return (int) Math.max(1, Math.min(100, (64L << 20) / Math.max(1, size)));
  }

  static String writeRow(long size) {
    return "write " + StringUtils.byteDesc(size) + " files (x" + filesForSize(size) + ")";
  }

  static String readRow(long size) {
    return "read " + StringUtils.byteDesc(size) + " files (x" + filesForSize(size) + ")";
  }

  private static List<Series> charts(int files, List<Integer> threads, List<Long> sizes) {
    List<Series> out = new ArrayList<>();
    for (Workloads.MetaOp op : Workloads.MetaOp.values()) {
      Map<Double, String> points = new LinkedHashMap<>();
      threads.forEach(t -> points.put((double) t, op.row(files, t)));
      out.add(new Series(op.row(files, 0).replaceAll(", 0 threads$", "") + " by client threads",
          "client threads", op.unit, points));
    }
    Map<Double, String> w = new LinkedHashMap<>();
    Map<Double, String> r = new LinkedHashMap<>();
    sizes.forEach(s -> {
      w.put((double) s, writeRow(s));
      r.put((double) s, readRow(s));
    });
    out.add(new Series("write by file size", "file size (bytes)", "MB/s", w));
    out.add(new Series("read by file size", "file size (bytes)", "MB/s", r));
    return out;
  }

  private static void measure(FileSystem fs, String target, Results r, List<Limit> limits,
      int files, List<Integer> threadCounts, List<Long> sizes) throws Exception {
    for (int threads : threadCounts) {
      Path d = new Path("/sweep/meta-" + threads);
      fs.mkdirs(d);
      for (Workloads.MetaOp op : Workloads.MetaOp.values()) {
        String row = op.row(files, threads);
        r.add(row, op.unit, target, Workloads.metadata(fs, d, op, files, threads));
        r.bound(row, Bound.metadata(limits, threads, op.rpcs(files), op.synced));
      }
      fs.delete(d, true);
    }
    for (long size : sizes) {
      Path d = new Path("/sweep/size-" + size);
      fs.mkdirs(d);
      int n = filesForSize(size);
      r.add(writeRow(size), "MB/s", target, Workloads.writeFiles(fs, d, size, n));
      r.bound(writeRow(size), Bound.write(limits, 3));
      r.add(readRow(size), "MB/s", target, Workloads.readFiles(fs, d, size, n));
      r.bound(readRow(size), Bound.read(limits));
      fs.delete(d, true);
    }
  }
}
