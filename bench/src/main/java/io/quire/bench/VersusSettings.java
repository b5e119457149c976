package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import io.quire.bench.history.Limit;
import io.quire.bench.limits.PhysicalLimits;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options the core and sweep suites share: {@code --runs}, {@code --files},
 * {@code --threads}, the {@link Clusters} options, {@code --dir}, {@code --limit-seconds} and
 * {@code --no-limits} (how long each of this machine's limits is measured first, see
 * {@link PhysicalLimits}; 0: not measured).
 */
record VersusSettings(int runs, int files, List<Integer> threads, Clusters clusters,
    long limitMillis, File dir) {
  /** Declares the shared options with the suite's defaults. */
  static CommandLine declare(CommandLine c, int files, String threads) {
    c.value("--runs", "N", "3", "timed runs, each on fresh clusters")
        .value("--files", "N", Integer.toString(files), "files of each metadata workload")
        .value("--threads", "N,M", threads, "client thread counts of the metadata workloads");
    return Clusters.declare(c, 3)
        .value("--dir", "DIR", "target/bench", "where the clusters live (deleted after each run)")
        .value("--limit-seconds", "S", "2", "seconds to measure each limit of this machine")
        .flag("--no-limits", "do not measure the machine's limits");
  }

  /** Reads what {@link #declare} declared. */
  static VersusSettings from(Arguments a) throws UsageException {
    long limitMillis = a.flag("--no-limits") ? 0
        : (long) (a.decimal("--limit-seconds") * 1000);
    return new VersusSettings(a.integer("--runs"), a.integer("--files"), a.integers("--threads"),
        Clusters.from(a), limitMillis, a.file("--dir"));
  }

  /** This machine's limits (none when turned off), sequential I/O over {@code bytes}. */
  List<Limit> limits(long bytes) throws Exception {
    return limitMillis > 0 ? PhysicalLimits.measure(dir, limitMillis, bytes) : List.of();
  }

  /** The settings recorded in the JSON result, then {@code more}. */
  Map<String, String> recorded(Map<String, String> more) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("runs", Integer.toString(runs));
    s.putAll(more);
    s.put("files", Integer.toString(files));
    s.put("threads", threads.toString());
    s.put("datanodes", Integer.toString(clusters.dataNodes()));
    s.put("replication", "3");
    s.put("hdfsEditLogFsync", Boolean.toString(!clusters.hdfsSkipFsync()));
    s.put("syncOnClose", clusters.syncOnClose() == null
        ? "defaults (quire true, hdfs false)" : clusters.syncOnClose().toString());
    return s;
  }
}
