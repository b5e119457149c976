package io.quire.bench;

import io.quire.minicluster.MiniQuireCluster;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heap probes of the soak benchmark's nodes. A forked node (its own JVM) is measured with
 * {@code jcmd <pid> GC.class_histogram} (a full GC of that JVM first; the fully compacted one
 * of {@value HeapProbe#FULL_GCS} in a row, see {@link HeapProbe}); with a histogram
 * directory each histogram is also written there as {@code <node>-<seconds>s.txt} (node
 * {@code namenode}, {@code datanode-<i>}; seconds since the load started, {@code start} before
 * it) and kept for the report's per-class growth. In-process nodes share the benchmark's JVM:
 * only that whole JVM is measured (System.gc()).
 */
final class SoakHeapProbes {
  /** One node at one probe: its process (0 in-process), live bytes, histogram (or null). */
  record Sample(long pid, long bytes, HeapHistogram histogram) {}

  /**
   * One probe of every node.
   *
   * @param label for the report
   * @param atSeconds since the load started (negative: before it)
   * @param warm taken after the warm-up (counts for the steady state)
   * @param nodes per node name, in cluster order (NameNode, DataNode 0, 1, ...)
   */
  record Probe(String label, double atSeconds, boolean warm, Map<String, Sample> nodes) {}

  private final MiniQuireCluster cluster;
  private final boolean fork;
  private final File histogramDir;

  /** @param histogramDir where to write histograms, or null to keep none */
  SoakHeapProbes(MiniQuireCluster cluster, boolean fork, File histogramDir) {
    this.cluster = cluster;
    this.fork = fork;
    this.histogramDir = histogramDir;
  }

  Probe probe(String label, double atSeconds, boolean warm)
      throws IOException, InterruptedException {
    Map<String, Sample> m = new LinkedHashMap<>();
    if (!fork) {
      m.put("benchmark JVM (NameNode, DataNodes, clients)",
          new Sample(0, HeapProbe.thisJvmAfterGc(), null));
      return new Probe(label, atSeconds, warm, m);
    }
    String when = atSeconds < 0 ? "start" : String.format("%05.0fs", atSeconds);
    m.put("NameNode", sample(cluster.nameNodePid(0), "namenode-" + when));
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      m.put("DataNode " + i, sample(cluster.dataNodePid(i), "datanode-" + i + "-" + when));
    }
    return new Probe(label, atSeconds, warm, m);
  }

  private Sample sample(long pid, String fileName) throws IOException, InterruptedException {
    HeapProbe.Compacted c = HeapProbe.compactedHistogram(pid);
    HeapHistogram h = c.histogram();
    if (histogramDir == null) {
      return new Sample(pid, h.totalBytes(), null);
    }
    Files.createDirectories(histogramDir.toPath());
    Files.writeString(new File(histogramDir, fileName + ".txt").toPath(), c.text(),
        StandardCharsets.UTF_8);
    return new Sample(pid, h.totalBytes(), h);
  }
}
