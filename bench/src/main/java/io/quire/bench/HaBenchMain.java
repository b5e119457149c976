package io.quire.bench;

import io.quire.bench.history.Stats;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * {@code quire bench --suite ha [--runs 3] [--failovers 5] [--clients 3] [--files 1000]
 * [--threads 1,8] [--zk-servers 3] [--only planned,kill,ops] [--quire-client key=value]
 * [--dir target/bench-ha]}: Quire's HA nameservice against HDFS HA (MiniQJMHACluster) in the
 * same JVM, fresh clusters each run, medians over runs; the table is printed and written to
 * {@code <dir>/ha-results.md}.
 *
 * <ul>
 *   <li>planned: --clients client threads (each its own FileSystem) create+close empty files
 *       while the active is failed over --failovers times, back and forth ({@code quire admin ha
 *       failover}; HDFS: transitionToStandby then transitionToActive). The pause is the longest
 *       gap between two successes of a client overlapping a failover, the largest over the
 *       clients; the first failover of a run is reported apart from the later ones (their
 *       median).</li>
 *   <li>kill: the active lost while the clients run. Quire: its NameNodes in JVMs of their own,
 *       SIGKILL of the active, the shipped 6 s ZooKeeper session timeout; HDFS (in-process, no
 *       ZKFC): shutdownNameNode of the active and an immediate transitionToActive of the other
 *       by hand, so HDFS's figure has no detection time in it and is not compared.</li>
 *   <li>ops: create+close of --files empty files from each thread count, on Quire HA, HDFS HA
 *       and a single Quire NameNode on its file journal.</li>
 * </ul>
 * Quire's ZooKeeper has --zk-servers servers (3 by default, like HDFS's three JournalNodes:
 * a write is durable once a majority fsynced it).
 */
public final class HaBenchMain {
  static final String PLANNED_FIRST = "planned failover: client pause, 1st of the run";
  static final String PLANNED_LATER = "planned failover: client pause, later ones (median)";
  static final String LOST_ACTIVE = "active lost → a NameNode active again";
  static final String LOST_FIRST = "active lost → first client op ok";
  static final String LOST_ALL = "active lost → every client ok again";

  private HaBenchMain() {}

  public static void main(String[] args) throws Exception {
    HaSettings s = HaSettings.parse(args);
    String header = String.format("HA: Quire (2 NameNodes, ZooKeeper x%d) vs HDFS"
        + " (MiniQJMHACluster: 2 NameNodes, 3 JournalNodes), 3 DataNodes, %d runs, %d clients,"
        + " %d failovers per run, create+close x%d at threads %s, %d cores%s", s.zkServers(),
        s.runs(), s.clients(), s.failovers(), s.files(), s.threads(),
        Runtime.getRuntime().availableProcessors(),
        s.quireClient().isEmpty() ? "" : "; Quire clients with " + s.quireClient());
    System.out.println(header);
    HaResults r = new HaResults();
    List.of(LOST_ACTIVE, LOST_FIRST, LOST_ALL).forEach(r::uncompared);
    for (int run = 0; run < s.runs(); run++) {
      long runStart = System.nanoTime();
      if (s.has("ops") || s.has("planned")) {
        try (HaCluster q = new QuireHaCluster(dir(s, "quire-ha", run), s.zkServers(), false,
            s.quireClient())) {
          measure(q, s, r, run, false);
        }
      }
      if (s.has("ops") || s.has("planned") || s.has("kill")) {
        try (HaCluster h = new HdfsHaCluster(dir(s, "hdfs-ha", run))) {
          measure(h, s, r, run, s.has("kill"));
        }
      }
      if (s.has("ops")) {
        try (QuireTarget one = new QuireTarget(dir(s, "quire-1nn", run), 3)) {
          createRates(one.fileSystem(), HaResults.QUIRE_1NN, s, r);
        }
      }
      if (s.has("kill")) {
        try (QuireHaCluster q = new QuireHaCluster(dir(s, "quire-kill", run), s.zkServers(), true,
            s.quireClient())) {
          loseActive(q, s, r, run);
        }
      }
      FileUtil.fullyDelete(s.dir());
      System.out.printf("run %d/%d done in %.0f s%n", run + 1, s.runs(),
          (System.nanoTime() - runStart) / 1e9);
    }
    String out = header + "\n\n" + r.table(s.runs()) + HaNotes.text(s, r);
    System.out.println();
    System.out.print(out);
    s.dir().mkdirs();
    File result = new File(s.dir(), "ha-results.md");
    Files.writeString(result.toPath(), out, StandardCharsets.UTF_8);
    System.out.println("Written to " + result);
  }

  private static File dir(HaSettings s, String target, int run) {
    File d = new File(s.dir(), target + "-" + run);
    FileUtil.fullyDelete(d);
    return d;
  }

  private static void measure(HaCluster c, HaSettings s, HaResults r, int run, boolean lose)
      throws Exception {
    if (s.has("ops")) {
      try (FileSystem fs = c.newClient()) {
        createRates(fs, c.name(), s, r);
      }
    }
    if (s.has("planned")) {
      List<HaWorkloads.Failover> f = HaWorkloads.plannedFailovers(c, s.clients(), s.failovers());
      System.out.printf("run %d: %s planned failovers:%n", run + 1, c.name());
      f.forEach(x -> System.out.println("  " + x));
      List<HaWorkloads.Failover> later = f.subList(1, f.size());
      r.add(PLANNED_FIRST, "ms", c.name(), f.get(0).pauseMs());
      r.add(PLANNED_LATER, "ms", c.name(),
          Stats.median(later.stream().map(HaWorkloads.Failover::pauseMs).toList()));
      r.add("planned failover: client pause, longest of the run", "ms", c.name(),
          f.stream().mapToDouble(HaWorkloads.Failover::pauseMs).max().orElseThrow());
      r.add("planned failover: command, 1st of the run", "ms", c.name(), f.get(0).commandMs());
      r.add("planned failover: command, later ones (median)", "ms", c.name(),
          Stats.median(later.stream().map(HaWorkloads.Failover::commandMs).toList()));
    }
    if (lose) {
      loseActive(c, s, r, run);
    }
  }

  private static void loseActive(HaCluster c, HaSettings s, HaResults r, int run)
      throws Exception {
    HaWorkloads.Failover f = HaWorkloads.loseActive(c, s.clients());
    System.out.printf("run %d: %s active lost: %s%n", run + 1, c.name(), f);
    r.add(LOST_ACTIVE, "ms", c.name(), f.commandMs());
    r.add(LOST_FIRST, "ms", c.name(), f.firstResumedMs());
    r.add(LOST_ALL, "ms", c.name(), f.allResumedMs());
  }

  private static void createRates(FileSystem fs, String target, HaSettings s, HaResults r)
      throws Exception {
    for (int threads : s.threads()) {
      Path d = new Path("/bench/create-" + threads);
      fs.mkdirs(d);
      r.add("create+close x" + s.files() + ", " + threads + " thread(s)", "ops/s", target,
          Workloads.metadata(fs, d, Workloads.MetaOp.CREATE, s.files(), threads));
      fs.delete(d, true);
    }
  }
}
