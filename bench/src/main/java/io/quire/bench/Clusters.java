package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import java.io.File;
import java.util.List;
import org.apache.hadoop.fs.FileUtil;

/**
 * The clusters a Quire-vs-HDFS suite starts, and its run loop: per run, a fresh Quire then a
 * fresh HDFS cluster ({@link QuireTarget}, {@link HdfsTarget}) of the same DataNode count,
 * each in a directory of its own that is deleted afterwards.
 *
 * @param only "quire" or "hdfs" to run one system only, or null for both
 * @param hdfsSkipFsync MiniDFSCluster's default of not fsyncing the edit log (off: fsynced)
 * @param syncOnClose both systems' sync-on-close, or null for their defaults
 */
record Clusters(int dataNodes, String only, boolean hdfsSkipFsync, Boolean syncOnClose) {
  /** The systems, in the order each run starts them. */
  static final List<String> TARGETS = List.of("quire", "hdfs");

  /** Starts a cluster of {@code target} ("quire" or "hdfs") in {@code base}. */
  interface Starter<C extends AutoCloseable> {
    C start(String target, File base) throws Exception;
  }

  /** One run on one cluster. */
  interface Measure<C> {
    void measure(C cluster) throws Exception;
  }

  /** Declares --datanodes, --only, --hdfs-skip-fsync and --sync-on-close. */
  static CommandLine declare(CommandLine c, int dataNodes) {
    return c.value("--datanodes", "N", Integer.toString(dataNodes), "DataNodes per cluster")
        .value("--only", "quire|hdfs", null, "run one system only")
        .flag("--hdfs-skip-fsync", "HDFS's NameNode does not fsync its edit log"
            + " (MiniDFSCluster's default; Quire's journal is always fsynced)")
        .value("--sync-on-close", "true|false", null, "both systems' DataNodes fsync finalized"
            + " replicas or not (default: quire true, hdfs false)");
  }

  /** Reads what {@link #declare} declared. */
  static Clusters from(Arguments a) throws UsageException {
    return new Clusters(a.integer("--datanodes"), only(a), a.flag("--hdfs-skip-fsync"),
        a.bool("--sync-on-close"));
  }

  /** The value of {@code --only}: quire, hdfs, or null for both. */
  static String only(Arguments a) throws UsageException {
    return a.oneOf("--only", "quire", "hdfs");
  }

  /** Both systems at their defaults (edit log fsynced), {@code dataNodes} each. */
  static Clusters of(int dataNodes) {
    return new Clusters(dataNodes, null, false, null);
  }

  /** A fresh cluster of {@code target} in {@code base}. */
  ClusterUnderTest start(String target, File base) throws Exception {
    return target.equals("quire") ? new QuireTarget(base, dataNodes, syncOnClose)
        : new HdfsTarget(base, dataNodes, hdfsSkipFsync, syncOnClose);
  }

  /** {@link #each} with this record's clusters ({@link #start}). */
  void run(File dir, String prefix, int run, String label, Measure<ClusterUnderTest> m)
      throws Exception {
    each(only, dir, prefix, run, label, this::start, m);
  }

  /**
   * Runs {@code m} once on a fresh cluster of each system ({@code only} that one, if not null)
   * in {@code dir/<prefix><target>-<run>}, deleted afterwards; prints "{@code label}: target
   * done" after each.
   */
  static <C extends AutoCloseable> void each(String only, File dir, String prefix, int run,
      String label, Starter<C> starter, Measure<C> m) throws Exception {
    for (String target : TARGETS) {
      if (only != null && !only.equals(target)) {
        continue;
      }
      File base = new File(dir, prefix + target + "-" + run);
      FileUtil.fullyDelete(base);
      try (C c = starter.start(target, base)) {
        m.measure(c);
      } finally {
        FileUtil.fullyDelete(base);
      }
      System.out.printf("%s: %s done%n", label, target);
    }
  }

  /** "run 2/3", the label of run of run {@code run} (from 0) of {@code runs}. */
  static String label(int run, int runs) {
    return "run " + (run + 1) + "/" + runs;
  }
}
