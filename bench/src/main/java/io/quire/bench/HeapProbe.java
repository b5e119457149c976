package io.quire.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Live heap after a full GC. Of another JVM: {@code jcmd <pid> GC.class_histogram}, which runs
 * a full GC before it counts (without {@code -all}); see {@link HeapHistogram} for its format.
 * Of this JVM: {@code System.gc()} then used heap (total minus free), which holds everything in
 * this JVM (clients and any in-process servers).
 *
 * <p>One histogram is not the live heap under the serial collector (the forked daemons'): to
 * save copying, a full GC leaves up to {@code MarkSweepDeadRatio} (5%) of the old generation's
 * dead objects in place, overwritten by filler {@code int[]} objects that the histogram counts
 * as live; only every {@code MarkSweepAlwaysCompactCount}th (4th) full GC compacts everything.
 * Measured on a soak DataNode: four histograms in a row gave 16.3, 17.5, 14.9 and 15.5 MiB, the
 * spread nearly all {@code int[]} (2.44, 2.44, 1.01, 1.01 MiB). So {@link #compactedHistogram}
 * takes {@value #FULL_GCS} in a row and keeps the one with the fewest {@code int[]} bytes: the
 * fully compacted one.
 */
final class HeapProbe {
  /** Full GCs in a row of which one compacts fully (HotSpot's MarkSweepAlwaysCompactCount). */
  static final int FULL_GCS = 4;

  private HeapProbe() {}

  /**
   * The output of {@code count} {@code jcmd <pid> GC.class_histogram} in a row (one attach;
   * each after a full GC of {@code pid}), one string each.
   */
  static List<String> classHistograms(long pid, int count)
      throws IOException, InterruptedException {
    File jcmd = new File(System.getProperty("java.home"), "bin/jcmd");
    File commands = File.createTempFile("quire-soak-jcmd", ".txt");
    try {
      Files.writeString(commands.toPath(), "GC.class_histogram\n".repeat(count),
          StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(jcmd.exists() ? jcmd.getPath() : "jcmd",
          Long.toString(pid), "-f", commands.getPath()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + out);
      }
      List<String> each = HeapHistogram.split(out);
      if (each.size() != count) {
        throw new IOException("jcmd " + pid + ": " + count + " class histograms asked for, "
            + each.size() + " in: " + out);
      }
      return each;
    } finally {
      Files.deleteIfExists(commands.toPath());
    }
  }

  /**
   * The live heap of process {@code pid}: of {@value #FULL_GCS} class histograms in a row, the
   * one with the fewest {@code int[]} bytes (the fully compacted one, see above); its text and
   * parsed form.
   */
  static Compacted compactedHistogram(long pid) throws IOException, InterruptedException {
    Compacted best = null;
    for (String text : classHistograms(pid, FULL_GCS)) {
      HeapHistogram h = HeapHistogram.parse(text);
      if (best == null || h.intArrayBytes() < best.histogram().intArrayBytes()) {
        best = new Compacted(text, h);
      }
    }
    return best;
  }

  /** A histogram as jcmd printed it and parsed. */
  record Compacted(String text, HeapHistogram histogram) {}

  /** Used heap of this JVM after System.gc() (twice, so finalizable objects go too). */
  static long thisJvmAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1048576.0);
  }
}
