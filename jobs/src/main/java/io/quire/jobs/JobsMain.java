package io.quire.jobs;

import io.quire.jobs.authors.AuthorsPublishersJob;
import io.quire.jobs.bestsellers.BestSellersJob;
import io.quire.jobs.customers.CustomersJob;
import io.quire.jobs.generate.GenerateOrders;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.report.ReportMain;
import io.quire.jobs.revenue.RevenueJob;
import io.quire.jobs.together.BoughtTogetherJob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code scripts/quire jobs [generic options] COMMAND ...}:
 * <pre>
 * generate --orders N --days D --seed S --out URI [...]   write a sample archive
 * run JOB [generic options] --in ARCHIVE --out DIR        one job (names below)
 * all [generic options] --in ARCHIVE --out DIR            every job, DIR/JOB each
 * report --in DIR --html FILE                             HTML report of an 'all' output
 * </pre>
 * Hadoop's generic options (-D key=value, -conf, -fs, -libjars, -files) go before the command,
 * after it, or both: {@code jobs -D mapreduce.framework.name=yarn all --in ...} and
 * {@code jobs all -D mapreduce.framework.name=yarn --in ...} are the same.
 */
public final class JobsMain {
  private JobsMain() {
  }

  /** Every job, in the order {@code all} runs them. */
  public static List<OrderJobTool> jobs() {
    return List.of(new BestSellersJob(), new RevenueJob(), new CustomersJob(),
        new BoughtTogetherJob(), new AuthorsPublishersJob());
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(new Configuration(), args));
  }

  /** Dispatches a command line; returns the exit code. */
  public static int run(Configuration conf, String[] argv) throws Exception {
    // Generic options before the command; GenericOptionsParser stops at the first non-option.
    String[] args = new GenericOptionsParser(conf, argv).getRemainingArgs();
    if (args.length == 0) {
      return usage();
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "generate":
        return ToolRunner.run(conf, new GenerateOrders(), rest);
      case "run":
        if (rest.length == 0) {
          return usage();
        }
        for (OrderJobTool t : jobs()) {
          if (t.name().equals(rest[0])) {
            return ToolRunner.run(conf, t, Arrays.copyOfRange(rest, 1, rest.length));
          }
        }
        System.err.println("unknown job '" + rest[0] + "'");
        return usage();
      case "all":
        return all(conf, rest);
      case "report":
        return ToolRunner.run(conf, new ReportMain(), rest);
      default:
        return usage();
    }
  }

  private static int all(Configuration conf, String[] args) throws Exception {
    List<String> base = new ArrayList<>(Arrays.asList(args));
    int outAt = base.indexOf("--out");
    if (outAt < 0 || outAt + 1 >= base.size()) {
      throw new IllegalArgumentException("all: missing --out DIR");
    }
    String out = base.get(outAt + 1);
    for (OrderJobTool t : jobs()) {
      List<String> a = new ArrayList<>(base);
      a.set(outAt + 1, out + "/" + t.name());
      long t0 = System.nanoTime();
      int rc = ToolRunner.run(new Configuration(conf), t, a.toArray(new String[0]));
      if (rc != 0) {
        return rc;
      }
      System.out.printf(Locale.ROOT, "%-20s %6.1f s%n", t.name(), (System.nanoTime() - t0) / 1e9);
    }
    return 0;
  }

  private static int usage() {
    System.err.println("usage: quire jobs [-D k=v ...] generate|run JOB|all|report ...\n"
        + "  generate --orders N --days D --seed S --out URI [--malformed-share X]"
        + " [--format avro|jsonl|jsonl.gz] [--codec deflate|snappy] [--start YYYY-MM-DD]\n"
        + "  run JOB [-D k=v] --in ARCHIVE --out DIR   (JOB: best-sellers, revenue, customers,"
        + " bought-together, authors-publishers)\n"
        + "  all [-D k=v] --in ARCHIVE --out DIR\n"
        + "  report --in DIR --html FILE");
    return 2;
  }
}
