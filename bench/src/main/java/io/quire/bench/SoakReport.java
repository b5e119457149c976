package io.quire.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the soak benchmark saw, as Markdown: per-operation counts, errors and latency
 * percentiles over every client, operations per minute, heap per node at each probe and its
 * steady state ({@link SoakHeapReport}), notes (the restart, hung clients) and the first
 * errors.
 */
final class SoakReport {
  private static final int FIRST_ERRORS = 20;

  private final boolean forked;
  private final Map<String, Latencies> latencies = new LinkedHashMap<>();
  private final Map<String, Integer> errors = new TreeMap<>();
  private final List<SoakClient.Failure> failures = new ArrayList<>();
  private final List<SoakHeapProbes.Probe> probes = new ArrayList<>();
  private final List<String> minutes = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private double elapsedSeconds;

  SoakReport(boolean forked) {
    this.forked = forked;
  }

  void heap(SoakHeapProbes.Probe probe) {
    probes.add(probe);
  }

  void minute(long ops, String load) {
    minutes.add(ops + " (load " + load + ")");
  }

  void note(String line) {
    notes.add(line);
  }

  void elapsed(double seconds) {
    elapsedSeconds = seconds;
  }

  void add(SoakClient c) {
    c.latencies().forEach((op, l) ->
        latencies.computeIfAbsent(op, k -> new Latencies()).addAll(l));
    c.errors().forEach((op, n) -> errors.merge(op, n, Integer::sum));
    failures.addAll(c.failures());
  }

  String text() {
    StringBuilder b = new StringBuilder();
    int totalErrors = errors.values().stream().mapToInt(Integer::intValue).sum();
    long totalOps = latencies.values().stream().mapToLong(Latencies::count).sum();
    b.append(String.format("%d operations in %.0f s (%.0f ops/s), **%d errors**%n%n", totalOps,
        elapsedSeconds, totalOps / elapsedSeconds, totalErrors));
    b.append("| operation | ok | errors | p50 ms | p99 ms | max ms |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Latencies> e : latencies.entrySet()) {
      Latencies l = e.getValue();
      b.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f |%n", e.getKey(), l.count(),
          errors.getOrDefault(e.getKey(), 0), l.percentileMs(50), l.percentileMs(99),
          l.percentileMs(100)));
    }
    for (Map.Entry<String, Integer> e : errors.entrySet()) {
      if (!latencies.containsKey(e.getKey())) {
        b.append(String.format("| %s | 0 | %d | - | - | - |%n", e.getKey(), e.getValue()));
      }
    }
    b.append(SoakHeapReport.text(probes, forked));
    b.append("\nOperations per minute: ").append(String.join(", ", minutes)).append('\n');
    for (String n : notes) {
      b.append("\n").append(n).append('\n');
    }
    if (!failures.isEmpty()) {
      b.append("\nFirst errors (ms since the load started):\n");
      failures.stream().sorted((x, y) -> Long.compare(x.atMs(), y.atMs())).limit(FIRST_ERRORS)
          .forEach(f -> b.append("  ").append(f.atMs()).append(' ').append(f.op()).append(": ")
              .append(f.what()).append('\n'));
    }
    return b.toString();
  }
}
