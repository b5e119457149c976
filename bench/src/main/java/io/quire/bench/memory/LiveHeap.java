package io.quire.bench.memory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Live heap of another JVM after a full GC: {@code jcmd <pid> GC.class_histogram} (which
 * collects before counting) ends with {@code Total <instances> <bytes>}. Taken twice, the
 * smaller kept, so garbage freed only by the second collection does not count.
 */
final class LiveHeap {
  private LiveHeap() {}

  static long of(long pid) throws IOException, InterruptedException {
    return Math.min(once(pid), once(pid));
  }

  /**
   * The live classes after a full GC (the second of two histograms, so garbage freed only by
   * the second collection is not counted).
   */
  static ClassGrowth classes(long pid) throws IOException, InterruptedException {
    once(pid);
    return ClassGrowth.parse(histogram(pid));
  }

  /** The first {@code lines} lines of the histogram (header and the largest classes). */
  static String top(long pid, int lines) throws IOException, InterruptedException {
    String[] all = histogram(pid).split("\n");
    return String.join("\n", java.util.Arrays.copyOf(all, Math.min(lines, all.length)));
  }

  private static long once(long pid) throws IOException, InterruptedException {
    String out = histogram(pid);
    for (String line : out.split("\n")) {
      String t = line.trim();
      if (t.startsWith("Total ")) {
        return Long.parseLong(t.split("\\s+")[2]);
      }
    }
    throw new IOException("jcmd " + pid + " GC.class_histogram: no Total line in " + out);
  }

  private static String histogram(long pid) throws IOException, InterruptedException {
    File jcmd = new File(System.getProperty("java.home"), "bin/jcmd");
    Process p = new ProcessBuilder(jcmd.exists() ? jcmd.getPath() : "jcmd",
        Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + out);
    }
    return out;
  }
}
