package io.quire.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The heap part of the soak report, as Markdown: live heap per node at every probe; per node,
 * the steady state after the warm-up ({@link SteadyHeap}: the minimum of the first probes
 * against that of the last, over the probes of the node's current JVM, so a restarted node
 * counts from its restart); and, when histograms were kept, the classes that grew most between
 * the first and the last of those probes.
 */
final class SoakHeapReport {
  static final int TOP_CLASSES = 12;

  private SoakHeapReport() {}

  static String text(List<SoakHeapProbes.Probe> probes, boolean forked) {
    StringBuilder b = new StringBuilder();
    if (probes.isEmpty()) {
      return "";
    }
    List<String> nodes = new ArrayList<>(probes.get(0).nodes().keySet());
    b.append("\nLive heap after a full GC (")
        .append(forked ? "each node's JVM, jcmd GC.class_histogram, the fully compacted one of "
            + HeapProbe.FULL_GCS + " in a row"
            : "the whole benchmark JVM, System.gc(): nodes and clients together")
        .append("; * a JVM other than at the previous probe: restarted):\n\n| probe |");
    nodes.forEach(n -> b.append(' ').append(n).append(" |"));
    b.append("\n|---|").append("---:|".repeat(nodes.size())).append('\n');
    SoakHeapProbes.Probe previous = null;
    for (SoakHeapProbes.Probe p : probes) {
      b.append("| ").append(p.label()).append(" |");
      for (String n : nodes) {
        SoakHeapProbes.Sample s = p.nodes().get(n);
        SoakHeapProbes.Sample before = previous == null ? null : previous.nodes().get(n);
        b.append(' ').append(s == null ? "-" : HeapProbe.mb(s.bytes()))
            .append(s != null && before != null && s.pid() != before.pid() ? "*" : "")
            .append(" |");
      }
      b.append('\n');
      previous = p;
    }
    steady(b, probes, nodes);
    return b.toString();
  }

  private static void steady(StringBuilder b, List<SoakHeapProbes.Probe> probes,
      List<String> nodes) {
    b.append("\nSteady state after the warm-up: minimum of the first ").append(SteadyHeap.WINDOW)
        .append(" probes against the minimum of the last ").append(SteadyHeap.WINDOW)
        .append(" (fewer with fewer probes), the node's current JVM only:\n\n")
        .append("| node | probes | first min | last min | change | per hour |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    StringBuilder growth = new StringBuilder();
    for (String n : nodes) {
      List<SoakHeapProbes.Probe> series = series(probes, n);
      List<SteadyHeap.Sample> samples = new ArrayList<>();
      series.forEach(p -> samples.add(new SteadyHeap.Sample(p.atSeconds(),
          p.nodes().get(n).bytes())));
      SteadyHeap.of(samples).ifPresentOrElse(s -> b.append(String.format(
          "| %s | %d | %s | %s | %+.2f MB | %+.2f MB |%n", n, samples.size(),
          HeapProbe.mb(s.early()), HeapProbe.mb(s.late()), s.change() / 1048576.0,
          s.changePerHour() / 1048576.0)),
          () -> b.append("| ").append(n).append(" | ").append(samples.size())
              .append(" | - | - | - | - |\n"));
      if (series.size() >= 2) {
        classGrowth(growth, n, series.get(0), series.get(series.size() - 1));
      }
    }
    b.append(growth);
  }

  /** The warm probes of {@code node}'s JVM at the last probe, in time order. */
  private static List<SoakHeapProbes.Probe> series(List<SoakHeapProbes.Probe> probes,
      String node) {
    long pid = probes.get(probes.size() - 1).nodes().get(node).pid();
    List<SoakHeapProbes.Probe> out = new ArrayList<>();
    for (SoakHeapProbes.Probe p : probes) {
      SoakHeapProbes.Sample s = p.nodes().get(node);
      if (p.warm() && s != null && s.pid() == pid) {
        out.add(p);
      }
    }
    return out;
  }

  private static void classGrowth(StringBuilder b, String node, SoakHeapProbes.Probe first,
      SoakHeapProbes.Probe last) {
    HeapHistogram a = first.nodes().get(node).histogram();
    HeapHistogram z = last.nodes().get(node).histogram();
    if (a == null || z == null) {
      return;
    }
    b.append("\n").append(node).append(": classes that grew most from ").append(first.label())
        .append(" to ").append(last.label()).append(String.format(" (total %+.2f MB)",
            (z.totalBytes() - a.totalBytes()) / 1048576.0)).append(":\n\n")
        .append("| class | instances | bytes |\n|---|---:|---:|\n");
    for (HeapHistogram.Growth g : a.grownBy(z, TOP_CLASSES)) {
      b.append(String.format("| `%s` | %+d | %+,d |%n", g.className(), g.instances(),
          g.bytes()));
    }
  }
}
