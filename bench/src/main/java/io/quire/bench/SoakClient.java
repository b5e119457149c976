package io.quire.bench;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/**
 * One client of the soak benchmark: a thread with a FileSystem of its own working in
 * {@code /soak/c<k>}. Each iteration creates a small file (1 B - 64 KB), stats it, renames it,
 * lists the directory, reads back a random live file and checks every byte, and deletes the
 * oldest once more than {@link #LIVE} are live (so the namespace stays the same size); every
 * {@code largeEvery} iterations it also writes a large file, reads it back, checks it and
 * deletes it. File contents are slices of a seeded buffer, so a read is checked without keeping
 * the data. An operation whose exception reaches the caller, or a read whose bytes differ, is
 * an error; the loop goes on.
 */
final class SoakClient implements Runnable {
  static final int LIVE = 8;
  static final int SMALL_MAX = 64 * 1024;

  /** An error: when (ms since the load started), which operation, what. */
  record Failure(long atMs, String op, String what) {}

  private record FileRec(Path path, int off, int len) {}

  private final FileSystem fs;
  private final Path dir;
  private final int largeBytes;
  private final int largeEvery;
  private final long startNanos;
  private final AtomicLong opsDone;
  private final byte[] pool;
  private final Random random;
  private final ArrayDeque<FileRec> live = new ArrayDeque<>();
  private final Map<String, Latencies> latencies = new LinkedHashMap<>();
  private final Map<String, Integer> errors = new LinkedHashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private volatile boolean running = true;

  SoakClient(FileSystem fs, Path dir, int seed, int largeBytes, int largeEvery, long startNanos,
      AtomicLong opsDone) {
    this.fs = fs;
    this.dir = dir;
    this.largeBytes = largeBytes;
    this.largeEvery = largeEvery;
    this.startNanos = startNanos;
    this.opsDone = opsDone;
    this.random = new Random(seed);
    this.pool = new byte[largeBytes + SMALL_MAX];
    random.nextBytes(pool);
  }

  void stop() {
    running = false;
  }

  @Override public void run() {
    timed("mkdirs", () -> fs.mkdirs(dir));
    for (long n = 0; running; n++) {
      iteration(n);
    }
  }

  private void iteration(long n) {
    FileRec f = newRec(new Path(dir, "f" + n), 1 + random.nextInt(SMALL_MAX));
    if (timed("create+write small", () -> write(f))) {
      if (timed("getFileStatus", () -> expect(fs.getFileStatus(f.path()).getLen() == f.len(),
          f.path() + " has the wrong length"))) {
        FileRec r = new FileRec(new Path(dir, "r" + n), f.off(), f.len());
        if (timed("rename", () -> expect(fs.rename(f.path(), r.path()),
            "rename " + f.path() + " returned false"))) {
          live.addLast(r);
        }
      }
    }
    timed("listStatus", () -> expect(fs.listStatus(dir).length >= live.size(),
        "listing of " + dir + " misses files"));
    if (!live.isEmpty()) {
      FileRec r = live.stream().skip(random.nextInt(live.size())).findFirst().orElseThrow();
      timed("open+read small", () -> check(r));
    }
    if (live.size() > LIVE) {
      FileRec old = live.removeFirst();
      timed("delete", () -> expect(fs.delete(old.path(), false),
          "delete " + old.path() + " returned false"));
    }
    if (n % largeEvery == largeEvery - 1) {
      String mb = largeBytes / (1 << 20) + " MB";
      FileRec big = newRec(new Path(dir, "large" + n), largeBytes);
      if (timed("create+write " + mb, () -> write(big))) {
        timed("open+read " + mb, () -> check(big));
      }
      timed("delete", () -> fs.delete(big.path(), false));
    }
  }

  private FileRec newRec(Path p, int len) {
    return new FileRec(p, random.nextInt(pool.length - len + 1), len);
  }

  private void write(FileRec f) throws IOException {
    try (FSDataOutputStream out = fs.create(f.path(), false)) {
      out.write(pool, f.off(), f.len());
    }
  }

  private void check(FileRec f) throws IOException {
    byte[] got = new byte[f.len()];
    try (FSDataInputStream in = fs.open(f.path())) {
      IOUtils.readFully(in, got, 0, got.length);
      expect(in.read() == -1, f.path() + " is longer than " + f.len());
    }
    expect(Arrays.equals(got, 0, got.length, pool, f.off(), f.off() + f.len()),
        f.path() + ": the bytes read differ from those written");
  }

  private static void expect(boolean ok, String what) throws IOException {
    if (!ok) {
      throw new IOException(what);
    }
  }

  private interface Op {
    void run() throws IOException;
  }

  /** Runs and times {@code op}; returns whether it succeeded. */
  private boolean timed(String name, Op op) {
    long t0 = System.nanoTime();
    try {
      op.run();
      latencies.computeIfAbsent(name, k -> new Latencies()).add(System.nanoTime() - t0);
      opsDone.incrementAndGet();
      return true;
    } catch (IOException | RuntimeException e) {
      errors.merge(name, 1, Integer::sum);
      failures.add(new Failure((System.nanoTime() - startNanos) / 1_000_000, name,
          e.toString()));
      return false;
    }
  }

  /** After the thread ended: latencies per operation. */
  Map<String, Latencies> latencies() {
    return latencies;
  }

  Map<String, Integer> errors() {
    return errors;
  }

  List<Failure> failures() {
    return failures;
  }
}
