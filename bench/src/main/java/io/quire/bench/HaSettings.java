package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code quire bench --suite ha} (see {@link HaBenchMain}); {@code parts}
 * are the measurements to run: planned, kill, ops; {@code quireClient} are settings for Quire's
 * clients only ({@code --quire-client key=value}, repeatable: to see what a client setting such
 * as quire.client.failover.sleep-base.ms does to the pauses).
 */
record HaSettings(int runs, int failovers, int clients, int files, List<Integer> threads,
    int zkServers, Set<String> parts, Map<String, String> quireClient, File dir) {
  boolean has(String part) {
    return parts.contains(part);
  }

  /** The options of {@code quire bench --suite ha}. */
  static CommandLine commandLine() {
    return new CommandLine("bench --suite ha")
        .value("--runs", "N", "3", "runs, each on fresh clusters")
        .value("--failovers", "N", "5", "failovers per run (at least 2)")
        .value("--clients", "N", "3", "clients running through the failovers")
        .value("--files", "N", "1000", "files of the create+close rates")
        .value("--threads", "N,M", "1,8", "client thread counts of the create+close rates")
        .value("--zk-servers", "N", "3", "ZooKeeper servers of Quire's HA")
        .value("--only", "PART,PART", "planned,kill,ops", "the measurements to run")
        .repeatable("--quire-client", "KEY=VALUE", "a setting of Quire's clients only"
            + " (repeatable)")
        .value("--dir", "DIR", "target/bench-ha", "where the clusters live");
  }

  static HaSettings parse(String[] args) throws UsageException {
    Arguments a = commandLine().parse(args);
    int runs = a.integer("--runs");
    int failovers = a.integer("--failovers");
    int clients = a.integer("--clients");
    int files = a.integer("--files");
    List<Integer> threads = a.integers("--threads");
    int zkServers = a.integer("--zk-servers");
    Set<String> parts = Set.copyOf(a.words("--only"));
    Map<String, String> quireClient = new LinkedHashMap<>();
    for (String v : a.strings("--quire-client")) {
      String[] kv = v.split("=", 2);
      if (kv.length != 2) {
        throw a.error("--quire-client wants key=value, not '" + v + "'");
      }
      quireClient.put(kv[0], kv[1]);
    }
    File dir = a.file("--dir");
    if (failovers < 2) {
      throw a.error("--failovers must be at least 2 (the first one is reported apart from the"
          + " later ones)");
    }
    return new HaSettings(runs, failovers, clients, files, threads, zkServers, parts,
        quireClient, dir);
  }
}
