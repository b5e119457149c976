package io.quire.bench;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/**
 * {@code quire bench --suite soak [--clients 16] [--minutes 10] [--large-mb 4]
 * [--large-every 25] [--block-size-mb 1] [--down-seconds 10] [--in-process]
 * [--dir target/bench-soak] [--probe-minutes 5] [--histograms DIR]}: a long mixed load on one
 * Quire cluster, to find errors and leaks rather than speed.
 *
 * <p>A {@link MiniQuireCluster} of one NameNode and 3 DataNodes, replication 3, each node in a
 * JVM of its own (-Xmx512m, serial GC; {@code --in-process} keeps them in this JVM). The
 * settings the mini cluster shortens for tests are the shipped ones again (heartbeat 3 s,
 * Hadoop's IPC connect retries). --clients threads, each with a FileSystem of its own, run
 * {@link SoakClient}'s loop (create+write, getFileStatus, rename, listStatus, read and check,
 * delete of small files; a large file written, read, checked and deleted now and then) for
 * --minutes. Halfway through, DataNode 1 is stopped (SIGTERM), stays down --down-seconds and
 * is started again on its storage.
 *
 * <p>Printed and written to {@code <dir>/soak-results.md}: errors (the goal is none) with the
 * first of them, count, p50, p99 and max latency per operation, operations per minute, and the
 * live heap after a full GC of the NameNode and every DataNode at the start (cluster up, no
 * load), after 10% of the run (the end of the warm-up), every --probe-minutes (default 5) under
 * load and at the end (clients stopped, files kept), with each node's steady state after the
 * warm-up (minimum of the first probes against that of the last: the goal is flat; see
 * {@link SoakHeapReport}). Forked nodes are measured with {@code jcmd GC.class_histogram};
 * {@code --histograms DIR} writes every one of those histograms to DIR and adds the classes
 * that grew most per node to the report. In-process, only this whole JVM can be measured
 * (System.gc()).
 */
public final class SoakBenchMain {
  private static final int RESTARTED = 1;

  private SoakBenchMain() {}

  public static void main(String[] args) throws Exception {
    SoakSettings s = SoakSettings.parse(args);
    String header = String.format("Soak: %d clients, %.1f min, 1 NameNode + 3 DataNodes (%s),"
        + " replication 3, block %d MB, small files 1 B-64 KB, a %d MB file every %d iterations"
        + " per client, DataNode %d down %d s at half time; %s", s.clients(), s.minutes(),
        s.fork() ? "each in its own JVM, -Xmx512m, serial GC" : "in the benchmark's JVM",
        s.blockSizeMb(), s.largeMb(), s.largeEvery(), RESTARTED, s.downSeconds(),
        machine());
    System.out.println(header);
    FileUtil.fullyDelete(s.dir());
    Configuration conf = new Configuration();
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 3);
    conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, (long) s.blockSizeMb() << 20);
    conf.setLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY,
        QuireConfigKeys.HEARTBEAT_INTERVAL_DEFAULT);
    conf.setInt("ipc.client.connect.max.retries", 10);
    conf.setInt("ipc.client.connect.retry.interval", 1000);
    SoakReport report = new SoakReport(s.fork());
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(conf).numDataNodes(3)
        .forkNameNodes(s.fork()).forkDataNodes(s.fork()).baseDir(new File(s.dir(), "cluster"))
        .build()) {
      SoakHeapProbes probes = new SoakHeapProbes(cluster, s.fork(), s.histograms());
      report.heap(probes.probe("start (no load)", -1, false));
      double seconds = run(cluster, s, report, probes);
      report.heap(probes.probe("end (clients stopped)", seconds, true));
    }
    String out = header + "\n\n" + report.text();
    System.out.println();
    System.out.print(out);
    File result = new File(s.dir(), "soak-results.md");
    Files.writeString(result.toPath(), out, StandardCharsets.UTF_8);
    System.out.println("Written to " + result);
  }

  /** Runs the load; returns its length in seconds. */
  private static double run(MiniQuireCluster cluster, SoakSettings s, SoakReport report,
      SoakHeapProbes probes) throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (s.minutes() * 60e9);
    AtomicLong ops = new AtomicLong();
    List<SoakClient> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<FileSystem> fss = new ArrayList<>();
    for (int k = 0; k < s.clients(); k++) {
      FileSystem fs = FileSystem.newInstance(cluster.getURI(), cluster.getConfiguration());
      fss.add(fs);
      SoakClient c = new SoakClient(fs, new org.apache.hadoop.fs.Path("/soak/c" + k), 1000 + k,
          s.largeMb() << 20, s.largeEvery(), start, ops);
      clients.add(c);
      Thread t = new Thread(c, "soak-client-" + k);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long warmAt = start + (end - start) / 10;
    long restartAt = start + (end - start) / 2;
    long probeEvery = (long) (s.probeMinutes() * 60e9);
    long nextProbe = start + probeEvery;
    boolean warmDone = false;
    boolean restarted = false;
    long nextMinute = start + 60_000_000_000L;
    long opsAtLastMinute = 0;
    while (System.nanoTime() < end) {
      long now = System.nanoTime();
      if (!warmDone && now >= warmAt) {
        report.heap(probes.probe(String.format("at %.0f s (10%%: end of warm-up)",
            (now - start) / 1e9), (now - start) / 1e9, true));
        warmDone = true;
      } else if (now >= nextProbe) {
        report.heap(probes.probe(String.format("at %.0f s", (now - start) / 1e9),
            (now - start) / 1e9, warmDone));
        nextProbe += probeEvery;
      } else if (!restarted && now >= restartAt) {
        restart(cluster, s, report, start);
        restarted = true;
      } else if (now >= nextMinute) {
        long o = ops.get();
        report.minute(o - opsAtLastMinute, loadAverage());
        System.out.printf("%.0f s: %d ops (%d in the last minute), load %s%n",
            (now - start) / 1e9, o, o - opsAtLastMinute, loadAverage());
        opsAtLastMinute = o;
        nextMinute += 60_000_000_000L;
      } else {
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    clients.forEach(SoakClient::stop);
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(5));
      if (t.isAlive()) {
        report.note(t.getName() + " still in an operation 5 min after the end: hung");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.elapsed(seconds);
    for (SoakClient c : clients) {
      report.add(c);
    }
    for (FileSystem fs : fss) {
      fs.close();
    }
    return seconds;
  }

  private static void restart(MiniQuireCluster cluster, SoakSettings s, SoakReport report,
      long start) throws InterruptedException {
    long t0 = System.nanoTime();
    cluster.stopDataNode(RESTARTED);
    long stopped = System.nanoTime();
    TimeUnit.SECONDS.sleep(s.downSeconds());
    cluster.startDataNode(RESTARTED);
    cluster.waitActive();
    long back = System.nanoTime();
    String line = String.format("DataNode %d stopped at %.1f s (stop took %.1f s), started"
        + " again at %.1f s, live at the NameNode at %.1f s", RESTARTED, (t0 - start) / 1e9,
        (stopped - t0) / 1e9, (stopped - start) / 1e9 + s.downSeconds(), (back - start) / 1e9);
    System.out.println(line);
    report.note(line);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static String machine() {
    long memKb = 0;
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          memKb = Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return String.format("%d cores, %.1f GiB RAM, Java %s, load average at start %s",
        Runtime.getRuntime().availableProcessors(), memKb / 1048576.0,
        System.getProperty("java.version"), loadAverage());
  }
}
