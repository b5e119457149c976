package io.quire.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client threads doing create+write, rename and delete on an HA cluster's logical URI, each in
 * a directory of its own, each remembering every operation the file system acknowledged. After
 * failovers, {@link #verify} checks that every acknowledged change is there: each file the
 * thread believes exists has exactly its content, each it deleted or renamed away is gone.
 *
 * <p>An operation that failed (an exception reached the caller) has an unknown outcome: the
 * thread then looks at the file system and adopts what it finds for the paths involved (both
 * outcomes are correct for an unacknowledged operation). The log of acknowledged operations is
 * kept in memory ({@link #acknowledged()}).
 */
final class HaWorkload implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HaWorkload.class);

  private final List<Client> clients = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong ops = new AtomicLong();
  private volatile boolean running = true;

  HaWorkload(URI uri, Configuration conf, int threadCount, String root) throws IOException {
    for (int i = 0; i < threadCount; i++) {
      clients.add(new Client(FileSystem.newInstance(uri, conf), new Path(root + "/c" + i), i));
    }
  }

  void start() {
    for (Client c : clients) {
      Thread t = new Thread(c, "ha-workload-" + c.id);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Acknowledged operations so far. */
  long opCount() {
    return ops.get();
  }

  /** Operations that failed (unknown outcome) so far. */
  long failureCount() {
    return failures.get();
  }

  List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** Stops the threads after their current operation. */
  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(120_000);
      if (t.isAlive()) {
        throw new AssertionError(t.getName() + " did not stop: a client hangs");
      }
    }
  }

  /** Every acknowledged change is visible through {@code fs}. */
  void verify(FileSystem fs) throws IOException {
    long files = 0;
    for (Client c : clients) {
      for (Map.Entry<String, byte[]> e : c.files.entrySet()) {
        Path p = new Path(e.getKey());
        assertTrue(fs.exists(p), "acknowledged file " + p + " is missing");
        byte[] actual = new byte[e.getValue().length];
        try (FSDataInputStream in = fs.open(p)) {
          IOUtils.readFully(in, actual, 0, actual.length);
          assertEquals(-1, in.read(), p + " is longer than written");
        }
        assertArrayEquals(e.getValue(), actual, "content of " + p);
        files++;
      }
      for (String gone : c.gone) {
        assertFalse(fs.exists(new Path(gone)), "deleted or renamed " + gone + " is back");
      }
    }
    LOG.info("Verified {} files and {} removals after {} acknowledged operations ({} failed)",
        files, clients.stream().mapToInt(c -> c.gone.size()).sum(), ops.get(), failures.get());
  }

  @Override public void close() throws IOException {
    running = false;
    for (Client c : clients) {
      c.fs.close();
    }
  }

  private final class Client implements Runnable {
    final FileSystem fs;
    final Path dir;
    final int id;
    final Random random;
    /** Paths this client believes exist, with their content. */
    final Map<String, byte[]> files = new HashMap<>();
    /** Paths this client removed (and has not created again). */
    final Set<String> gone = new HashSet<>();
    int next;

    Client(FileSystem fs, Path dir, int id) {
      this.fs = fs;
      this.dir = dir;
      this.id = id;
      this.random = new Random(id);
    }

    @Override public void run() {
      while (running) {
        String desc = null;
        try {
          desc = step();
          if (desc != null) {
            acknowledged.add(desc);
            ops.incrementAndGet();
          }
        } catch (IOException | RuntimeException e) {
          failures.incrementAndGet();
          LOG.warn("client {}: operation failed (outcome unknown, re-reading): {}", id,
              e.toString());
          resync();
        }
      }
    }

    /** One operation; returns its description once acknowledged. */
    private String step() throws IOException {
      int kind = files.isEmpty() ? 0 : random.nextInt(4);
      if (kind <= 1) {
        String p = dir + "/f" + (next++);
        byte[] data = ("client " + id + " file " + p + " ").repeat(1 + random.nextInt(200))
            .getBytes(StandardCharsets.UTF_8);
        pending = List.of(p);
        pendingCreate = true;
        try (FSDataOutputStream out = fs.create(new Path(p), false)) {
          out.write(data);
        }
        files.put(p, data);
        gone.remove(p);
        return "create " + p;
      }
      pendingCreate = false;
      String src = pick();
      if (kind == 2) {
        String dst = dir + "/r" + (next++);
        pending = List.of(src, dst);
        if (!fs.rename(new Path(src), new Path(dst))) {
          throw new IOException("rename " + src + " -> " + dst + " returned false");
        }
        files.put(dst, files.remove(src));
        gone.add(src);
        return "rename " + src + " " + dst;
      }
      pending = List.of(src);
      if (!fs.delete(new Path(src), false)) {
        throw new IOException("delete " + src + " returned false");
      }
      files.remove(src);
      gone.add(src);
      return "delete " + src;
    }

    /** The paths of the operation in progress (for {@link #resync}). */
    List<String> pending = List.of();
    /** Whether that operation is a create (whose half-written file is then removed). */
    boolean pendingCreate;

    private String pick() {
      List<String> keys = new ArrayList<>(files.keySet());
      keys.sort(null);
      return keys.get(random.nextInt(keys.size()));
    }

    /**
     * After a failure: adopt what the file system says of the paths involved; a create whose
     * close was not acknowledged is removed (its file may be half written and still open).
     */
    private void resync() {
      for (String p : pending) {
        for (int attempt = 0; running || attempt == 0; attempt++) {
          try {
            Path path = new Path(p);
            if (pendingCreate) {
              fs.delete(path, false);
              files.remove(p);
              gone.add(p);
            } else if (fs.exists(path)) {
              byte[] content = files.get(p);
              long len = fs.getFileStatus(path).getLen();
              if (content == null || content.length != len) {
                // A create whose close was not acknowledged, or the target of a rename:
                // take what is there (and its source, if any, is then gone).
                byte[] now = new byte[(int) len];
                try (FSDataInputStream in = fs.open(path)) {
                  IOUtils.readFully(in, now, 0, now.length);
                }
                files.put(p, now);
              }
              gone.remove(p);
            } else {
              if (files.remove(p) != null) {
                gone.add(p);
              }
            }
            break;
          } catch (IOException | RuntimeException e) {
            if (attempt > 100) {
              throw new AssertionError("client " + id + " cannot read " + p + " any more", e);
            }
            try {
              Thread.sleep(100);
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
      }
    }
  }
}
