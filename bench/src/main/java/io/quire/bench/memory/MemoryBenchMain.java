package io.quire.bench.memory;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.report.ReportTable;
import io.quire.bench.history.BenchResult;
import io.quire.bench.history.ResultFiles;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileUtil;

/**
 * {@code quire bench --suite memory [--files 1000000] [--empty-files N] [--threads 8]
 * [--datanodes 3] [--heap 4g] [--runs 1] [--only quire|hdfs] [--retry-cache-expiry-ms 1000]
 * [--dir target/bench/memory]}:
 * NameNode memory per file and per block, checkpoint size, restart time, Quire and HDFS in
 * the same run.
 *
 * <p>Each NameNode runs alone in a JVM of its own ({@link NameNodeProcess}) with its shipped
 * defaults (both fsync their journal). A loader in this JVM ({@link NamespaceLoader}) registers
 * {@code --datanodes} fake DataNodes through DataNodeProtocol (they store nothing and report
 * what they are told they received, as HDFS's NNThroughputBenchmark does), then, from
 * {@code --threads} client threads through ClientProtocol: {@code --empty-files} files without
 * blocks (create, complete; default files/10), then {@code --files} files of one block each
 * (create, addBlock with replication 3, one incremental report per DataNode and batch of 100,
 * complete). Live heap after a full GC ({@code jcmd GC.class_histogram}) is taken empty,
 * after a warm-up (files/100 of each kind, so objects made once on the first call of each
 * RPC path are not counted), after the empty files and after the one-block files:
 * <ul>
 * <li>per file without blocks = (after empty files - empty) / empty files
 * <li>per file with one block = (after one-block files - after empty files) / files
 * <li>per block (3 replica locations reported) = the difference of the two
 * </ul>
 * The classes that grew most during the one-block files are printed in bytes per file (where
 * the memory per file goes).
 * Then a checkpoint is saved (Quire: saveCheckpointNow; HDFS: saveNamespace in safe mode), the
 * NameNode stops, and a new JVM starts it on that directory: restart time is from before the
 * load to serving RPC (measured in the child), and from JVM start (measured here); then heap
 * again (without block locations: no DataNode reports after the restart).
 *
 * <p>Both NameNodes keep an RPC retry cache entry per create/complete for 10 minutes by default
 * (Quire: quire.namenode.retrycache.expiry.ms, HDFS:
 * dfs.namenode.retrycache.expirytime.millis): transient memory that would be counted as per
 * file. Both run with that expiry at {@code --retry-cache-expiry-ms} (1 s), so expired entries
 * are evicted as new ones arrive and what is measured is what stays per file.
 */
public final class MemoryBenchMain {
  /** Classes of the heap histogram printed after loading. */
  private static final int HISTOGRAM_LINES = 15;
  /** Classes listed by their growth per file while the one-block files load. */
  private static final int GROWTH_LINES = 25;
  private MemoryBenchMain() {}

  /** The options of {@code quire bench --suite memory}. */
  public static CommandLine commandLine() {
    return new CommandLine("bench --suite memory")
        .value("--files", "N", "1000000", "one-block files loaded")
        .value("--empty-files", "N", null, "files without blocks loaded first"
            + " (default max(1000, files / 10))")
        .value("--threads", "N", "16", "client threads loading")
        .value("--datanodes", "N", "3", "fake DataNodes")
        .value("--heap", "SIZE", "4g", "-Xmx of the NameNode's JVM")
        .value("--runs", "N", "1", "runs")
        .value("--only", "quire|hdfs", null, "measure one system only")
        .value("--retry-cache-expiry-ms", "MS", "1000", "both NameNodes' retry cache expiry")
        .value("--dir", "DIR", "target/bench/memory", "where the NameNodes live");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    int files = a.integer("--files");
    int emptyFiles = a.given("--empty-files") ? a.integer("--empty-files") : -1;
    if (emptyFiles < 0) {
      emptyFiles = Math.max(1000, files / 10);
    }
    int threads = a.integer("--threads");
    long expiry = a.longValue("--retry-cache-expiry-ms");
    int dataNodes = a.integer("--datanodes");
    String heap = a.string("--heap");
    int runs = a.integer("--runs");
    String only = a.oneOf("--only", "quire", "hdfs");
    File dir = a.file("--dir");
    ResultFiles out = ResultFiles.fromEnvironment(); // commit and load now, not at the end
    System.out.printf("NameNode memory, Quire vs HDFS: %,d files of one block (replication 3,"
        + " %d fake DataNodes) after %,d files without blocks, %d client threads, -Xmx%s,"
        + " %d run(s), %d cores%n", files, dataNodes, emptyFiles, threads, heap, runs,
        Runtime.getRuntime().availableProcessors());
    MemoryFigures figures = new MemoryFigures();
    for (int run = 0; run < runs; run++) {
      for (String target : new String[] {"quire", "hdfs"}) {
        if (only == null || only.equals(target)) {
          measure(target, new File(dir, target + "-" + run), files, emptyFiles, threads,
              dataNodes, heap, expiry, figures);
        }
      }
    }
    List<io.quire.bench.history.Figure> fs = figures.figures();
    ReportTable.print(System.out, fs, List.of(), runs);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("files", Integer.toString(files));
    settings.put("emptyFiles", Integer.toString(emptyFiles));
    settings.put("threads", Integer.toString(threads));
    settings.put("fakeDataNodes", Integer.toString(dataNodes));
    settings.put("replication", "3");
    settings.put("heap", heap);
    settings.put("runs", Integer.toString(runs));
    BenchResult r = out.result("memory", settings, List.of(), fs);
    out.save(r);
  }

  private static void measure(String target, File base, int files, int emptyFiles, int threads,
      int dataNodes, String heap, long expiry, MemoryFigures f) throws Exception {
    FileUtil.fullyDelete(base);
    if (!base.mkdirs()) {
      throw new IOException("memory bench: cannot create " + base);
    }
    File nameDir = new File(base, "name");
    int port = freePort();
    InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
    System.out.printf("%s: NameNode JVM on port %d, log %s%n", target, port, base);
    long h0;
    long h1;
    long h2;
    long[] checkpoint;
    try (NameNodeProcess nn = new NameNodeProcess(target, nameDir, port, true, heap, expiry,
        new File(base, "namenode-1.log"), 300)) {
      try (NamespaceLoader loader = target.equals("quire") ? new QuireLoader(addr, dataNodes)
          : new HdfsLoader(addr, dataNodes)) {
        // First use of each RPC path creates objects once (protobuf, reflection, caches):
        // not per-file memory, so a warm-up load comes before the first measurement.
        int warm = Math.max(1000, files / 100);
        ParallelLoad.run(loader, "/warmup/empty", warm, threads, false, target + " warm-up");
        ParallelLoad.run(loader, "/warmup/blocks", warm, threads, true, target + " warm-up");
        h0 = LiveHeap.of(nn.pid());
        ParallelLoad.run(loader, "/empty", emptyFiles, threads, false, target + " empty files");
        h1 = LiveHeap.of(nn.pid());
        ClassGrowth c1 = LiveHeap.classes(nn.pid());
        double rate = ParallelLoad.run(loader, "/blocks", files, threads, true,
            target + " one-block files");
        h2 = LiveHeap.of(nn.pid());
        printGrowth(target, c1, LiveHeap.classes(nn.pid()), files);
        System.out.println(target + ": largest classes in the NameNode heap after loading:\n"
            + LiveHeap.top(nn.pid(), 3 + HISTOGRAM_LINES));
        f.add("load rate (create, addBlock, reports, complete)", "files/s", target, rate);
      }
      checkpoint = nn.checkpoint(1800);
    }
    double perEmpty = (h1 - h0) / (double) emptyFiles;
    double perFile = (h2 - h1) / (double) files;
    f.add("heap per file with one block", "bytes/file", target, perFile);
    f.add("heap per file without blocks", "bytes/file", target, perEmpty);
    f.add("heap per block (3 replicas reported)", "bytes/block", target, perFile - perEmpty);
    f.add("heap before loading (after warm-up)", "MB", target, h0 / 1e6);
    f.add("heap after loading", "MB", target, h2 / 1e6);
    f.add("checkpoint size", "MB", target, checkpoint[1] / 1e6);
    f.add("checkpoint save", "ms", target, checkpoint[0]);
    try (NameNodeProcess nn = new NameNodeProcess(target, nameDir, port, false, heap, expiry,
        new File(base, "namenode-2.log"), 1800)) {
      f.add("restart from checkpoint (load to serving)", "ms", target, nn.readyMillis());
      f.add("restart from checkpoint (JVM start to serving)", "ms", target, nn.wallMillis());
      f.add("heap after restart (no replica locations)", "MB", target,
          LiveHeap.of(nn.pid()) / 1e6);
    }
    System.out.printf("%s: done (heap %s -> %s -> %s bytes)%n", target, h0, h1, h2);
    FileUtil.fullyDelete(base);
  }

  /** The classes that grew most while the one-block files were loaded, in bytes per file. */
  private static void printGrowth(String target, ClassGrowth before, ClassGrowth after,
      int files) {
    System.out.print(target + ": growth per one-block file by class (bytes, instances per"
        + " file, class):\n" + before.grownBy(after, GROWTH_LINES, files));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
