package io.quire.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Live heap after a full GC. Of another JVM: {@code jcmd <pid> GC.class_histogram}, which runs
 * a full GC before it counts (without {@code -all}); see {@link HeapHistogram} for its format.
 * Of this JVM: {@code System.gc()} then used heap (total minus free), which holds everything in
 * this JVM (clients and any in-process servers).
 */
final class HeapProbe {
  private HeapProbe() {}

  /** The output of {@code jcmd <pid> GC.class_histogram} (a full GC of {@code pid} first). */
  static String classHistogram(long pid) throws IOException, InterruptedException {
    File jcmd = new File(System.getProperty("java.home"), "bin/jcmd");
    Process p = new ProcessBuilder(jcmd.exists() ? jcmd.getPath() : "jcmd",
        Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + out);
    }
    return out;
  }

  /** Bytes of live objects in process {@code pid} after a full GC. */
  static long liveBytes(long pid) throws IOException, InterruptedException {
    return HeapHistogram.parse(classHistogram(pid)).totalBytes();
  }

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
