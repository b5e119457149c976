package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Limit;
import io.quire.bench.history.ResultFiles;
import io.quire.bench.limits.Bound;
import io.quire.bench.limits.PhysicalLimits;
import io.quire.bench.report.ReportTable;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
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
 * clusters. Between the delete of the sequential file and the metadata rows each system
 * {@link Settle settles} (replicas freed, fdatasync back near its rate before the write).
 * {@code --warmup N} first does N untimed runs of both systems (results dropped):
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

  /** The command line of the core suite. */
  static CommandLine commandLine() {
    return VersusSettings.declare(new CommandLine("bench"), 5000, "1,8")
        .value("--warmup", "N", "0", "untimed runs of both systems first (results dropped)")
        .value("--bytes", "SIZE", "1g", "bytes of the sequential write and read");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    VersusSettings v = VersusSettings.from(a);
    int warmups = a.integer("--warmup");
    long bytes = a.bytes("--bytes");
    if (warmups < 0) {
      throw a.error("--warmup " + warmups + ": the number of untimed runs must be 0 or more");
    }
    int runs = v.runs();
    ResultFiles out = ResultFiles.fromEnvironment(); // commit and load now, not at the end
    System.out.printf("Quire vs HDFS: %d runs, %d DataNodes, replication 3, %s sequential,"
        + " %d files x threads %s, %d cores, HDFS edit log fsync %s%n", runs,
        v.clusters().dataNodes(), StringUtils.byteDesc(bytes), v.files(), v.threads(),
        Runtime.getRuntime().availableProcessors(),
        v.clusters().hdfsSkipFsync() ? "skipped" : "on");
    List<Limit> limits = v.limits(Math.min(bytes, 256L << 20));
    PhysicalLimits.print(System.out, limits);
    Results results = new Results();
    for (int run = -warmups; run < runs; run++) {
      Results into = run < 0 ? new Results() : results;
      String label = run < 0 ? "warm-up " + (run + warmups + 1) + "/" + warmups
          : Clusters.label(run, runs);
      v.clusters().run(v.dir(), "", run, label,
          c -> measure(c, into, limits, bytes, v.files(), v.threads(), v.dir()));
    }
    ReportTable.print(System.out, results.figures(), limits, runs);
    Map<String, String> more = new LinkedHashMap<>();
    more.put("warmupRuns", Integer.toString(warmups));
    more.put("bytes", Long.toString(bytes));
    BenchResult r = out.result("core", v.recorded(more), limits, results.figures());
    out.save(r);
  }

  private static void measure(ClusterUnderTest c, Results r, List<Limit> limits, long bytes,
      int files, List<Integer> threadCounts, File dir) throws Exception {
    FileSystem fs = c.fileSystem();
    Settle settle = Settle.before(c.baseDir(), dir);
    Path big = new Path("/bench/seq.bin");
    String write = "sequential write " + StringUtils.byteDesc(bytes);
    r.add(write, "MB/s", c.name(), Workloads.sequentialWrite(fs, big, bytes));
    r.bound(write, Bound.write(limits, 3));
    String read = "sequential read " + StringUtils.byteDesc(bytes);
    r.add(read, "MB/s", c.name(), Workloads.sequentialRead(fs, big));
    r.bound(read, Bound.read(limits));
    fs.delete(big, false);
    settle.await(c.name(), System.out);
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
