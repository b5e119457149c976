package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import java.io.File;

/**
 * The command line of {@code quire bench --suite soak} (see {@link SoakBenchMain}).
 *
 * @param clients client threads, each with a FileSystem of its own
 * @param minutes length of the load
 * @param largeMb size of the large files, written and read back every {@code largeEvery}
 *     iterations of a client
 * @param largeEvery iterations of a client between two large files
 * @param blockSizeMb block size of every file (small, so large files span several blocks)
 * @param downSeconds how long the DataNode restarted mid-run stays down
 * @param fork NameNode and DataNodes in JVMs of their own (default); false runs them in the
 *     benchmark's JVM, where heaps cannot be told apart
 * @param dir where the cluster and the results go
 * @param probeMinutes minutes between two heap probes of every node under load (besides the
 *     one at start, after 10% of the run and at the end)
 * @param histograms where to write each probe's class histograms, or null for none
 */
record SoakSettings(int clients, double minutes, int largeMb, int largeEvery, int blockSizeMb,
    int downSeconds, boolean fork, File dir, double probeMinutes, File histograms) {
  /** The options of {@code quire bench --suite soak}. */
  static CommandLine commandLine() {
    return new CommandLine("bench --suite soak")
        .value("--clients", "N", "16", "client threads, each with a FileSystem of its own")
        .value("--minutes", "M", "10", "length of the load")
        .value("--large-mb", "MB", "4", "size of the large files")
        .value("--large-every", "N", "25", "iterations of a client between two large files")
        .value("--block-size-mb", "MB", "1", "block size of every file")
        .value("--down-seconds", "S", "10", "how long the DataNode restarted mid-run stays down")
        .flag("--in-process", "run NameNode and DataNodes in this JVM (heaps not told apart)")
        .value("--dir", "DIR", "target/bench-soak", "where the cluster and the results go")
        .value("--probe-minutes", "M", "5", "minutes between two heap probes under load")
        .value("--histograms", "DIR", null, "where to write each probe's class histograms");
  }

  static SoakSettings parse(String[] args) throws UsageException {
    Arguments a = commandLine().parse(args);
    double probeMinutes = a.decimal("--probe-minutes");
    if (!(probeMinutes > 0)) {
      throw a.error("--probe-minutes must be above 0, not " + probeMinutes);
    }
    int clients = a.integer("--clients");
    double minutes = a.decimal("--minutes");
    int largeMb = a.integer("--large-mb");
    int largeEvery = a.integer("--large-every");
    int blockSizeMb = a.integer("--block-size-mb");
    int downSeconds = a.integer("--down-seconds");
    boolean fork = !a.flag("--in-process");
    File dir = a.file("--dir");
    File histograms = a.file("--histograms");
    return new SoakSettings(clients, minutes, largeMb, largeEvery, blockSizeMb, downSeconds,
        fork, dir, probeMinutes, histograms);
  }
}
