package io.quire.bench;

import java.io.File;
import java.util.ArrayList;
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

  static HaSettings parse(String[] args) {
    int runs = 3;
    int failovers = 5;
    int clients = 3;
    int files = 1000;
    List<Integer> threads = List.of(1, 8);
    int zkServers = 3;
    Set<String> parts = Set.of("planned", "kill", "ops");
    Map<String, String> quireClient = new LinkedHashMap<>();
    File dir = new File("target/bench-ha").getAbsoluteFile();
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runs" -> { runs = Integer.parseInt(v); i++; }
        case "--failovers" -> { failovers = Integer.parseInt(v); i++; }
        case "--clients" -> { clients = Integer.parseInt(v); i++; }
        case "--files" -> { files = Integer.parseInt(v); i++; }
        case "--threads" -> {
          List<Integer> ts = new ArrayList<>();
          for (String t : v.split(",")) {
            ts.add(Integer.parseInt(t.trim()));
          }
          threads = ts;
          i++;
        }
        case "--zk-servers" -> { zkServers = Integer.parseInt(v); i++; }
        case "--only" -> { parts = Set.of(v.split(",")); i++; }
        case "--quire-client" -> {
          String[] kv = v.split("=", 2);
          if (kv.length != 2) {
            throw new IllegalArgumentException("--quire-client wants key=value, not " + v);
          }
          quireClient.put(kv[0], kv[1]);
          i++;
        }
        case "--dir" -> { dir = new File(v).getAbsoluteFile(); i++; }
        default -> {
          System.err.println("bench --suite ha: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    if (failovers < 2) {
      throw new IllegalArgumentException("--failovers must be at least 2 (the first one is"
          + " reported apart from the later ones)");
    }
    return new HaSettings(runs, failovers, clients, files, threads, zkServers, parts,
        quireClient, dir);
  }
}
