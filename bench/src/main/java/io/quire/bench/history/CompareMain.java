package io.quire.bench.history;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code quire bench --compare OLD.json NEW.json [--threshold PERCENT]}: the change of every
 * figure between two bench results, per target and for the quire/hdfs ratio, flagged
 * {@code BETTER} or {@code WORSE} when outside the noise (see {@link ResultComparison}).
 * Exit status 0, or 2 on bad arguments or an unreadable file.
 */
public final class CompareMain {
  private CompareMain() {}

  /** The options of {@code quire bench --compare}. */
  public static CommandLine commandLine() {
    return new CommandLine("bench --compare")
        .value("--threshold", "PERCENT",
            Double.toString(ResultComparison.DEFAULT_THRESHOLD_PERCENT),
            "changes within this are noise")
        .positionals("OLD.json NEW.json");
  }

  public static void main(String[] args) throws UsageException {
    Arguments a = commandLine().parse(args);
    if (a.positionals().size() != 2) {
      throw a.error("needs two result files, not " + a.positionals().size());
    }
    double threshold = a.decimal("--threshold");
    Path oldFile = Path.of(a.positionals().get(0));
    Path newFile = Path.of(a.positionals().get(1));
    try {
      BenchResult o = ResultJson.read(oldFile);
      BenchResult n = ResultJson.read(newFile);
      print(System.out, o, n, ResultComparison.compare(o, n, threshold), threshold);
    } catch (IOException e) {
      System.err.println("bench --compare: " + e.getMessage());
      System.exit(2);
    }
  }

  static void print(PrintStream out, BenchResult o, BenchResult n, List<Change> changes,
      double threshold) {
    out.printf(Locale.ROOT, "old: %s %s %s, %d cores, Java %s, load average %.1f%n",
        o.suite(), o.date(), o.commit(), o.machine().cores(), o.machine().java(),
        o.machine().loadAverage());
    out.printf(Locale.ROOT, "new: %s %s %s, %d cores, Java %s, load average %.1f%n",
        n.suite(), n.date(), n.commit(), n.machine().cores(), n.machine().java(),
        n.machine().loadAverage());
    if (o.machine().cores() != n.machine().cores()) {
      out.println("note: different core counts, the figures are not comparable as such");
    }
    out.printf("flag: runs' ranges do not overlap and the medians differ by >= %.1f%%%n%n",
        threshold);
    out.println("| figure | target | old | new | change | |");
    out.println("|---|---|---:|---:|---:|---|");
    int worse = 0;
    for (Change c : changes) {
      if (c.verdict() == Change.Verdict.WORSE) {
        worse++;
      }
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", c.figure(),
          c.target() + (c.unit().isEmpty() ? "" : " (" + c.unit() + ")"), num(c.oldMedian()),
          num(c.newMedian()), Double.isNaN(c.percent()) ? "" :
              String.format(Locale.ROOT, "%+.1f%%", c.percent()), flag(c.verdict()));
    }
    out.printf("%n%d change(s) flagged WORSE%n", worse);
  }

  private static String flag(Change.Verdict v) {
    return switch (v) {
      case NOISE -> "";
      case BETTER -> "BETTER";
      case WORSE -> "**WORSE**";
      case ADDED -> "new figure";
      case REMOVED -> "figure gone";
    };
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }
}
