package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Limit;
import io.quire.bench.history.ResultFiles;
import io.quire.bench.limits.Bound;
import io.quire.bench.limits.PhysicalLimits;
import io.quire.bench.report.ReportTable;
import io.quire.bench.sweep.Series;
import io.quire.bench.sweep.SweepPage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
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

  /** The command line of the sweep suite. */
  static CommandLine commandLine() {
    return VersusSettings.declare(new CommandLine("bench --suite sweep"), 1000, "1,2,4,8,16,32")
        .value("--sizes", "SIZE,SIZE", "1k,16k,256k,4m,64m,256m", "file sizes written and read")
        .flag("--full", "adds 1g to the sizes");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    VersusSettings v = VersusSettings.from(a);
    List<Long> sizes = new ArrayList<>(a.sizes("--sizes"));
    if (a.flag("--full") && !sizes.contains(1L << 30)) {
      sizes.add(1L << 30);
    }
    int runs = v.runs();
    int files = v.files();
    List<Integer> threadCounts = v.threads();
    ResultFiles out = ResultFiles.fromEnvironment(); // commit and load now, not at the end
    System.out.printf("Sweep, Quire vs HDFS: %d runs, %d DataNodes, replication 3, metadata x%d"
        + " files on threads %s, sizes %s, %d cores%n", runs, v.clusters().dataNodes(), files,
        threadCounts, sizes.stream().map(StringUtils::byteDesc).toList(),
        Runtime.getRuntime().availableProcessors());
    List<Limit> limits = v.limits(256L << 20);
    PhysicalLimits.print(System.out, limits);
    Results results = new Results();
    List<Series> charts = charts(files, threadCounts, sizes);
    for (int run = 0; run < runs; run++) {
      v.clusters().run(v.dir(), "sweep-", run, Clusters.label(run, runs),
          c -> measure(c.fileSystem(), c.name(), results, limits, files, threadCounts, sizes));
    }
    ReportTable.print(System.out, results.figures(), limits, runs);
    BenchResult r = out.result("sweep",
        v.recorded(Map.of("sizes", sizes.toString())), limits, results.figures());
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
