package io.quire.jobs.mr;

import io.quire.jobs.cli.Args;
import io.quire.jobs.archive.ArchiveLayout;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;

/**
 * Command line of every job, run through ToolRunner (so -D, -conf, -fs work):
 * {@code --in ARCHIVE_ROOT --out OUTPUT_DIR} (orders and catalog found by {@link ArchiveLayout}),
 * or {@code --orders DIR --catalog CSV --out OUTPUT_DIR}, plus the job's own options.
 */
public abstract class OrderJobTool extends Configured implements Tool {

  /** Where a job reads from. */
  public record Inputs(Path orders, Path catalog) {
  }

  /** The job's name, also its output subdirectory in {@code jobs all}. */
  public abstract String name();

  /** Options besides in/orders/catalog/out. */
  protected Set<String> extraOptions() {
    return Set.of();
  }

  /** Runs the job (and its chained stages) writing under {@code out}. */
  protected abstract void run(Inputs in, Path out, Args args) throws Exception;

  @Override
  public final int run(String[] argv) throws Exception {
    Set<String> known = new HashSet<>(Set.of("in", "orders", "catalog", "out"));
    known.addAll(extraOptions());
    Args a = new Args(argv, known);
    Inputs in;
    if (a.has("in")) {
      ArchiveLayout l = new ArchiveLayout(new Path(a.required("in")));
      in = new Inputs(new Path(a.get("orders", l.orders().toString())),
          new Path(a.get("catalog", l.catalog().toString())));
    } else {
      in = new Inputs(new Path(a.required("orders")), new Path(a.required("catalog")));
    }
    long t0 = System.nanoTime();
    run(in, new Path(a.required("out")), a);
    System.err.printf(Locale.ROOT, "%s: done in %.1f s -> %s%n", name(),
        (System.nanoTime() - t0) / 1e9, a.required("out"));
    return 0;
  }
}
