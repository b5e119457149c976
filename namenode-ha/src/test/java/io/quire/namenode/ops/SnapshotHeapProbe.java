package io.quire.namenode.ops;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import java.io.File;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A measuring tool, not a test (run by hand; surefire does not pick it up): heap per snapshot
 * by class, the figure of namenode-ha/SNAPSHOTS.md. A namesystem in this JVM
 * ({@link NamesystemFixture}); a directory of {@code -Dprobe.files=100000} empty files; 10
 * rounds of createSnapshot then 1% of the files overwritten (files {@code j*100+round}, as
 * {@code bench --suite snapshot --heap-files} does). Prints the classes that grew, per file
 * and per changed file, from {@code jcmd <self> GC.class_histogram} (the second of two, after
 * full GCs), and the growth of the namespace and block classes alone (the fixture's in-memory
 * journal keeps every record: left out).
 *
 * <p>Run: {@code java -cp namenode-ha/target/classes:namenode-ha/target/test-classes:<the
 * runtime classpath> io.quire.namenode.ops.SnapshotHeapProbe}.
 */
public final class SnapshotHeapProbe {
  private static final int ROUNDS = 10;
  private static final int LINES = 8;

  private SnapshotHeapProbe() {}

  public static void main(String[] args) throws Exception {
    int files = Integer.getInteger("probe.files", 100_000);
    NamesystemFixture fx = new NamesystemFixture();
    ClientProtocol nn = fx.client;
    nn.mkdirs("/d", (short) 0755, true);
    nn.allowSnapshot("/d");
    Map<String, long[]> empty = histogram();
    for (int i = 0; i < files; i++) {
      create(nn, "/d/f" + i);
    }
    Map<String, long[]> full = histogram();
    print("per file", empty, full, files);
    int changed = Math.max(1, files / 100);
    for (int s = 0; s < ROUNDS; s++) {
      nn.createSnapshot("/d", "h" + s);
      for (int j = 0; j < changed; j++) {
        create(nn, "/d/f" + ((long) j * 100 + s) % files);
      }
    }
    Map<String, long[]> after = histogram();
    print("per changed file per snapshot", full, after, (double) ROUNDS * changed);
    Reference.reachabilityFence(fx);
    System.out.printf("namespace and block classes: %.1f KB per snapshot%n",
        (namespaceBytes(after) - namespaceBytes(full)) / 1024.0 / ROUNDS);
  }

  private static void create(ClientProtocol nn, String path) throws IOException {
    long id = nn.create(path, (short) 0644, "w", true, true, (short) 1, 1024).getFileId();
    nn.complete(path, id, "w", null);
  }

  /** Class name to {instances, bytes}, and "TOTAL". */
  private static Map<String, long[]> histogram() throws IOException, InterruptedException {
    File jcmd = new File(System.getProperty("java.home"), "bin/jcmd");
    String pid = Long.toString(ProcessHandle.current().pid());
    Map<String, long[]> m = new HashMap<>();
    for (int k = 0; k < 2; k++) {
      m.clear();
      Process p = new ProcessBuilder(jcmd.getPath(), pid, "GC.class_histogram")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      for (String line : out.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 4 && f[0].matches("\\d+:")) {
          m.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        } else if (f.length >= 3 && f[0].equals("Total")) {
          m.put("TOTAL", new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
      }
    }
    return m;
  }

  private static long namespaceBytes(Map<String, long[]> m) {
    long t = 0;
    for (Map.Entry<String, long[]> e : m.entrySet()) {
      String k = e.getKey().replaceFirst("^\\[+L", "");
      if (k.startsWith("io.quire.namenode.namespace") || k.startsWith("io.quire.namenode.blocks")) {
        t += e.getValue()[1];
      }
    }
    return t;
  }

  private static void print(String what, Map<String, long[]> a, Map<String, long[]> b,
      double per) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : b.entrySet()) {
      long[] x = a.getOrDefault(e.getKey(), new long[2]);
      rows.add(new Object[] {e.getKey(), e.getValue()[0] - x[0], e.getValue()[1] - x[1]});
    }
    rows.sort((p, q) -> Long.compare((long) q[2], (long) p[2]));
    System.out.println(what + " (bytes, instances, class):");
    for (int i = 0; i < Math.min(LINES, rows.size()); i++) {
      Object[] r = rows.get(i);
      System.out.printf("  %10.1f %8.2f %s%n", (long) r[2] / per, (long) r[1] / per, r[0]);
    }
  }
}
