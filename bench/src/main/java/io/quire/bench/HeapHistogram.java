package io.quire.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class histogram as {@code jcmd <pid> GC.class_histogram} prints it (after a full GC, so
 * live objects only), and the difference of two.
 *
 * <p>Format read: a line {@code  num     #instances         #bytes  class name (module)}, then
 * one line per class {@code    1:         12345        678901  [B (java.base@17.0.15)}
 * (the module part may be missing) and a last line {@code Total <instances> <bytes>}. Other
 * lines (the pid jcmd prints first) are skipped.
 *
 * @param classes instances and bytes per class name (module left out)
 * @param totalBytes bytes of all live objects
 */
record HeapHistogram(Map<String, Count> classes, long totalBytes) {
  /** Instances and bytes of one class. */
  record Count(long instances, long bytes) {}

  /** Growth of one class from one histogram to a later one (negative: it shrank). */
  record Growth(String className, long instances, long bytes) {}

  static HeapHistogram parse(String jcmdOutput) throws IOException {
    Map<String, Count> classes = new HashMap<>();
    Long total = null;
    for (String line : jcmdOutput.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[0].equals("Total")) {
        total = Long.parseLong(f[2]);
      } else if (f.length >= 4 && f[0].endsWith(":") && f[0].matches("\\d+:")) {
        classes.merge(f[3], new Count(Long.parseLong(f[1]), Long.parseLong(f[2])),
            (a, b) -> new Count(a.instances() + b.instances(), a.bytes() + b.bytes()));
      }
    }
    if (total == null) {
      throw new IOException("class histogram: no 'Total <instances> <bytes>' line in: "
          + (jcmdOutput.length() > 500 ? jcmdOutput.substring(0, 500) + "..." : jcmdOutput));
    }
    return new HeapHistogram(classes, total);
  }

  /**
   * The histograms in the output of several {@code GC.class_histogram} commands in one jcmd
   * call: each ends at its {@code Total} line; what follows the last one is dropped.
   */
  static List<String> split(String jcmdOutput) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : jcmdOutput.split("\n")) {
      cur.append(line).append('\n');
      if (line.trim().startsWith("Total ")) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    return out;
  }

  /** Bytes of {@code int[]}, where the filler objects of a not fully compacted heap go. */
  long intArrayBytes() {
    Count c = classes.get("[I");
    return c == null ? 0 : c.bytes();
  }

  /**
   * The {@code top} classes that grew most in bytes from {@code this} to {@code later}, largest
   * growth first; classes that did not grow are left out.
   */
  List<Growth> grownBy(HeapHistogram later, int top) {
    Set<String> names = new HashSet<>(classes.keySet());
    names.addAll(later.classes.keySet());
    List<Growth> out = new ArrayList<>();
    Count none = new Count(0, 0);
    for (String n : names) {
      Count a = classes.getOrDefault(n, none);
      Count b = later.classes.getOrDefault(n, none);
      if (b.bytes() > a.bytes()) {
        out.add(new Growth(n, b.instances() - a.instances(), b.bytes() - a.bytes()));
      }
    }
    out.sort(Comparator.comparingLong(Growth::bytes).reversed()
        .thenComparing(Growth::className));
    return out.size() > top ? new ArrayList<>(out.subList(0, top)) : out;
  }
}
