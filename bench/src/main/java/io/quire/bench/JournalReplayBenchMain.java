package io.quire.bench;

import io.quire.bench.args.Arguments;
import io.quire.bench.args.CommandLine;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.journal.zk.ZkJournal;
import io.quire.namenode.journal.zk.ZkJournalOptions;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * {@code quire bench --suite journal-replay [--records 100000] [--per-batch 1,8]
 * [--payload 120] [--passes 3] [--read-ahead 128]}: how fast a NameNode replays the shared
 * journal in ZooKeeper (a standby's restart, a new active's catch-up). For each batch size,
 * writes --records records of --payload bytes in batches of that many records (one batch
 * znode each) to a fresh embedded ZooKeeper ({@link TestingServer}), then reads them all
 * --passes times with {@code ZkJournal.readFrom(1)} (reading ahead up to --read-ahead batches;
 * 1 requests one batch at a time) and prints records/s of each pass and their median.
 *
 * <p>The embedded server runs with {@code zookeeper.forceSync=no} so that writing the journal
 * (one fsync per batch otherwise) does not dominate the run; the replay it measures only reads.
 */
public final class JournalReplayBenchMain {
  private JournalReplayBenchMain() {}

  /** The options of {@code quire bench --suite journal-replay}. */
  static CommandLine commandLine() {
    return new CommandLine("bench --suite journal-replay")
        .value("--records", "N", "100000", "journal records written, then replayed")
        .value("--per-batch", "N,M", "1,8", "records per batch (one run each)")
        .value("--payload", "BYTES", "120", "bytes of each record")
        .value("--passes", "N", "3", "replays of the journal")
        .value("--read-ahead", "N", Integer.toString(ZkJournalOptions.DEFAULT_READ_AHEAD_BATCHES),
            "batches the replay reads ahead");
  }

  public static void main(String[] args) throws Exception {
    Arguments a = commandLine().parse(args);
    long records = a.longValue("--records");
    List<Integer> perBatch = a.integers("--per-batch");
    int payload = a.integer("--payload");
    int passes = a.integer("--passes");
    int readAhead = a.integer("--read-ahead");
    System.setProperty("zookeeper.forceSync", "no");
    System.out.printf("Shared journal replay: %d records of %d bytes, %d passes, read-ahead %d"
        + " batches, %d cores%n", records, payload, passes, readAhead,
        Runtime.getRuntime().availableProcessors());
    ZkJournalOptions options = ZkJournalOptions.defaults().withReadAheadBatches(readAhead);
    for (int n : perBatch) {
      File dir = Files.createTempDirectory("quire-replay-bench").toFile();
      try (TestingServer server = new TestingServer(
              new InstanceSpec(dir, -1, -1, -1, true, -1, -1, -1), true);
          CuratorFramework client = CuratorFrameworkFactory.builder()
              .connectString(server.getConnectString()).sessionTimeoutMs(30_000)
              .retryPolicy(new BoundedExponentialBackoffRetry(50, 1000, 20)).build()) {
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("cannot connect to " + server.getConnectString());
        }
        ZkJournal journal = write(client, options, records, n, payload);
        List<Double> rates = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
          rates.add(replay(journal, records));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf("%d record(s) per batch: median %.0f records/s (passes: %s)%n", n,
            sorted.get(sorted.size() / 2),
            rates.stream().map(r -> String.format("%.0f", r)).toList());
      }
    }
  }

  private static ZkJournal write(CuratorFramework client, ZkJournalOptions options,
      long records, int perBatch, int payload) throws Exception {
    String root = "/quire/replay-" + perBatch;
    ZkJournal.format(client, root, "CID-bench", false);
    ZkJournal journal = new ZkJournal(client, root, "bench", options);
    long start = System.nanoTime();
    try (JournalWriter w = journal.openForWrite(1)) {
      for (long tx = 1; tx <= records; tx += perBatch) {
        List<byte[]> batch = new ArrayList<>(perBatch);
        for (long t = tx; t < tx + perBatch && t <= records; t++) {
          byte[] b = new byte[payload];
          Arrays.fill(b, (byte) t);
          batch.add(b);
        }
        w.appendAndSync(batch);
      }
    }
    System.out.printf("  wrote %d records in batches of %d in %.1f s%n", records, perBatch,
        (System.nanoTime() - start) / 1e9);
    return journal;
  }

  /** Reads every record from txid 1; returns records/s. */
  private static double replay(ZkJournal journal, long records) throws Exception {
    long start = System.nanoTime();
    long n = 0;
    try (JournalReader r = journal.readFrom(1)) {
      for (JournalRecord rec; (rec = r.next()) != null; ) {
        if (rec.txId() != ++n) {
          throw new IllegalStateException("expected txid " + n + ", read " + rec.txId());
        }
      }
    }
    if (n != records) {
      throw new IllegalStateException("replayed " + n + " records of " + records);
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }
}
