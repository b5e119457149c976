package io.quire.bench;

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
  static SoakSettings parse(String[] args) {
    int clients = 16;
    double minutes = 10;
    int largeMb = 4;
    int largeEvery = 25;
    int blockSizeMb = 1;
    int downSeconds = 10;
    boolean fork = true;
    File dir = new File("target/bench-soak").getAbsoluteFile();
    double probeMinutes = 5;
    File histograms = null;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--clients" -> { clients = Integer.parseInt(v); i++; }
        case "--minutes" -> { minutes = Double.parseDouble(v); i++; }
        case "--large-mb" -> { largeMb = Integer.parseInt(v); i++; }
        case "--large-every" -> { largeEvery = Integer.parseInt(v); i++; }
        case "--block-size-mb" -> { blockSizeMb = Integer.parseInt(v); i++; }
        case "--down-seconds" -> { downSeconds = Integer.parseInt(v); i++; }
        case "--in-process" -> fork = false;
        case "--dir" -> { dir = new File(v).getAbsoluteFile(); i++; }
        case "--probe-minutes" -> { probeMinutes = Double.parseDouble(v); i++; }
        case "--histograms" -> { histograms = new File(v).getAbsoluteFile(); i++; }
        default -> {
          System.err.println("bench --suite soak: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    if (!(probeMinutes > 0)) {
      System.err.println("bench --suite soak: --probe-minutes must be above 0, not "
          + probeMinutes);
      System.exit(2);
    }
    return new SoakSettings(clients, minutes, largeMb, largeEvery, blockSizeMb, downSeconds,
        fork, dir, probeMinutes, histograms);
  }
}
