package io.quire.jobs.generate;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long count on stderr: on a terminal a redrawn bar with rate and ETA, otherwise
 * a plain line every {@value #PLAIN_INTERVAL_MS} ms (for logs and CI).
 */
final class Progress {
  private static final long PLAIN_INTERVAL_MS = 5_000;
  private static final long BAR_INTERVAL_MS = 200;

  private final PrintStream out;
  private final boolean tty;
  private final long total;
  private final String unit;
  private final long startNanos = System.nanoTime();
  private long lastPrint = System.nanoTime() / 1_000_000;

  Progress(PrintStream out, boolean tty, long total, String unit) {
    this.out = out;
    this.tty = tty;
    this.total = Math.max(1, total);
    this.unit = unit;
  }

  void update(long done) {
    long now = System.nanoTime() / 1_000_000;
    if (now - lastPrint < (tty ? BAR_INTERVAL_MS : PLAIN_INTERVAL_MS) && done < total) {
      return;
    }
    lastPrint = now;
    double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double rate = done / secs;
    long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    int pct = (int) (100 * done / total);
    if (tty) {
      int width = 30;
      int filled = (int) ((long) width * done / total);
      out.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d %s  %,.0f/s  ETA %ds   ",
          "#".repeat(filled), ".".repeat(width - filled), pct, done, total, unit, rate, eta);
    } else {
      out.printf(Locale.ROOT, "%,d/%,d %s (%d%%), %,.0f/s, ETA %ds%n", done, total, unit, pct,
          rate, eta);
    }
    out.flush();
  }

  /** Final line with the elapsed time and overall rate. */
  void finish(long done) {
    double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    if (tty) {
      out.println();
    }
    out.printf(Locale.ROOT, "%,d %s in %.1f s (%,.0f/s)%n", done, unit, secs, done / secs);
  }
}
