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

  private static long once(long pid) throws IOException, InterruptedException {
    File jcmd = new File(System.getProperty("java.home"), "bin/jcmd");
    Process p = new ProcessBuilder(jcmd.exists() ? jcmd.getPath() : "jcmd",
        Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + out);
    }
    for (String line : out.split("\n")) {
      String t = line.trim();
      if (t.startsWith("Total ")) {
        return Long.parseLong(t.split("\\s+")[2]);
      }
    }
    throw new IOException("jcmd " + pid + " GC.class_histogram: no Total line in " + out);
  }
}
