package io.quire.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The measured operations; each returns a rate (MB/s or operations/s). */
final class Workloads {
  private static final int IO_BUFFER = 1 << 20;

  private Workloads() {}

  /** Writes {@code bytes} to one new file; returns MB/s (10^6 bytes). */
  static double sequentialWrite(FileSystem fs, Path file, long bytes) throws IOException {
    byte[] buf = new byte[IO_BUFFER];
    ThreadLocalRandom.current().nextBytes(buf);
    long start = System.nanoTime();
    try (FSDataOutputStream out = fs.create(file, true)) {
      for (long done = 0; done < bytes; done += buf.length) {
        out.write(buf, 0, (int) Math.min(buf.length, bytes - done));
      }
    }
    return mbPerSecond(bytes, System.nanoTime() - start);
  }

  /** Reads a whole file; returns MB/s. */
  static double sequentialRead(FileSystem fs, Path file) throws IOException {
    byte[] buf = new byte[IO_BUFFER];
    long total = 0;
    long start = System.nanoTime();
    try (FSDataInputStream in = fs.open(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
      }
    }
    long expected = fs.getFileStatus(file).getLen();
    if (total != expected) {
      throw new IOException("read " + total + " bytes of " + file + ", expected " + expected);
    }
    return mbPerSecond(total, System.nanoTime() - start);
  }

  /** Metadata operations measured over {@code files} paths spread over {@code threads}. */
  enum MetaOp { CREATE, GET_FILE_STATUS, RENAME, DELETE }

  /**
   * Runs one metadata operation on files {@code dir/f<i>} (renamed ones are {@code dir/r<i>});
   * returns operations per second. CREATE must run before the others; DELETE deletes the
   * renamed files.
   */
  static double metadata(FileSystem fs, Path dir, MetaOp op, int files, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < files; i += threads) {
            runOne(fs, dir, op, i);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return files / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runOne(FileSystem fs, Path dir, MetaOp op, int i) throws IOException {
    Path f = new Path(dir, "f" + i);
    Path r = new Path(dir, "r" + i);
    switch (op) {
      case CREATE -> fs.create(f, false).close();
      case GET_FILE_STATUS -> fs.getFileStatus(f);
      case RENAME -> {
        if (!fs.rename(f, r)) {
          throw new IOException("rename " + f + " to " + r + " returned false");
        }
      }
      case DELETE -> {
        if (!fs.delete(r, false)) {
          throw new IOException("delete " + r + " returned false");
        }
      }
      default -> throw new IllegalArgumentException(op.name());
    }
  }

  private static double mbPerSecond(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }
}
