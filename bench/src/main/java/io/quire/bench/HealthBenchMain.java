package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.history.Stats;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.util.StringUtils;

/**
 * {@code quire bench --suite health [--runs 3] [--blocks 200] [--block-size 1m]
 * [--small-files 1000] [--datanodes 4] [--heartbeat-ms 1000] [--recheck-ms 1000]
 * [--only quire|hdfs] [--dir target/bench-health]}: Quire against HDFS (MiniDFSCluster) in the
 * same JVM with the same {@link HealthSettings}, alternating in every run; prints medians
 * and hdfs/quire ratios (above 1: Quire takes less time).
 *
 * <p>Per run and system: a fresh cluster of --datanodes nodes, replication 3; --blocks blocks
 * of --block-size (files of 10 blocks) and --small-files one-block files; then (1) restart the
 * whole cluster and time start → out of safe mode, (2) stop one DataNode and time loss →
 * declared dead and loss → every block back at 3 replicas.
 */
public final class HealthBenchMain {
  private HealthBenchMain() { }

  /** The options of {@code quire bench --suite health}. */
  static CommandLine commandLine() {
    return new CommandLine("bench --suite health")
        .value("--runs", "N", "3", "runs, each on fresh clusters")
        .value("--blocks", "N", "200", "blocks written in files of 10 blocks")
        .value("--block-size", "SIZE", "1m", "block size")
        .value("--small-files", "N", "1000", "one-block files written besides")
        .value("--datanodes", "N", "4", "DataNodes per cluster")
        .value("--heartbeat-ms", "MS", "1000", "DataNode heartbeat interval, both systems")
        .value("--recheck-ms", "MS", "1000", "NameNode's dead-node recheck interval, both systems")
        .value("--only", "quire|hdfs", null, "run one system only")
        .value("--dir", "DIR", "target/bench-health",
            "where the clusters live (deleted after each run)");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    int runs = a.integer("--runs");
    int blocks = a.integer("--blocks");
    long blockSize = a.bytes("--block-size");
    int smallFiles = a.integer("--small-files");
    int dataNodes = a.integer("--datanodes");
    long heartbeatMs = a.longValue("--heartbeat-ms");
    long recheckMs = a.longValue("--recheck-ms");
    String only = Clusters.only(a);
    File dir = a.file("--dir");
    HealthSettings s = new HealthSettings(heartbeatMs, recheckMs, 1000, 4, 4);
    System.out.printf("Health: Quire vs HDFS, %d runs, %d DataNodes, replication 3, %d blocks of"
        + " %s + %d one-block files, %d cores; %s%n", runs, dataNodes, blocks,
        StringUtils.byteDesc(blockSize), smallFiles, Runtime.getRuntime().availableProcessors(),
        s);
    Map<String, Map<String, List<Double>>> rows = new LinkedHashMap<>();
    String restartRow = "restart → out of safe mode (" + (blocks + smallFiles) + " blocks)";
    String deadRow = "DataNode loss → declared dead";
    String fullRow = "DataNode loss → all blocks at 3 replicas";
    for (int run = 0; run < runs; run++) {
      Clusters.each(only, dir, "", run, Clusters.label(run, runs),
          (target, base) -> target.equals("quire")
              ? new QuireHealthCluster(base, dataNodes, blockSize, s)
              : new HdfsHealthCluster(base, dataNodes, blockSize, s),
          c -> {
            HealthWorkloads.load(c.fileSystem(), blocks, blockSize, smallFiles);
            add(rows, restartRow, c.name(), HealthWorkloads.restartToSafeModeOff(c));
            double[] loss = HealthWorkloads.lossToFullReplication(c,
                20 * s.deadAfterMs() + 120_000);
            add(rows, deadRow, c.name(), loss[0]);
            add(rows, fullRow, c.name(), loss[1]);
          });
    }
    print(rows, runs);
  }

  private static void add(Map<String, Map<String, List<Double>>> rows, String row, String target,
      double seconds) {
    rows.computeIfAbsent(row, r -> new LinkedHashMap<>())
        .computeIfAbsent(target, t -> new ArrayList<>()).add(seconds);
  }

  private static void print(Map<String, Map<String, List<Double>>> rows, int runs) {
    System.out.printf("| measurement | quire s (median of %d) | hdfs s (median of %d)"
        + " | hdfs/quire |%n", runs, runs);
    System.out.println("|---|---:|---:|---:|");
    for (Map.Entry<String, Map<String, List<Double>>> e : rows.entrySet()) {
      double q = Stats.median(e.getValue().getOrDefault("quire", List.of()));
      double h = Stats.median(e.getValue().getOrDefault("hdfs", List.of()));
      System.out.printf("| %s | %.2f | %.2f | %s |%n", e.getKey(), q, h,
          Double.isNaN(q) || Double.isNaN(h) ? "n/a" : String.format("%.2f", h / q));
    }
    System.out.println();
    System.out.println("Raw runs (s):");
    for (Map.Entry<String, Map<String, List<Double>>> e : rows.entrySet()) {
      System.out.printf("  %-45s %s%n", e.getKey(), e.getValue());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
