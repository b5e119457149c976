package io.quire.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

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

  /**
   * Writes {@code count} new files of {@code size} bytes each under {@code dir}
   * ({@code f0..}), one after another; returns MB/s over all of them (create to close).
   */
  static double writeFiles(FileSystem fs, Path dir, long size, int count) throws IOException {
    byte[] buf = new byte[(int) Math.min(IO_BUFFER, Math.max(1, size))];
    ThreadLocalRandom.current().nextBytes(buf);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      try (FSDataOutputStream out = fs.create(new Path(dir, "f" + i), true)) {
        for (long done = 0; done < size; done += buf.length) {
          out.write(buf, 0, (int) Math.min(buf.length, size - done));
        }
      }
    }
    return mbPerSecond(size * count, System.nanoTime() - start);
  }

  /** Reads the files {@link #writeFiles} wrote; returns MB/s (open to close). */
  static double readFiles(FileSystem fs, Path dir, long size, int count) throws IOException {
    byte[] buf = new byte[IO_BUFFER];
    long total = 0;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      try (FSDataInputStream in = fs.open(new Path(dir, "f" + i))) {
        int n;
        while ((n = in.read(buf)) > 0) {
          total += n;
        }
      }
    }
    long nanos = System.nanoTime() - start;
    if (total != size * count) {
      throw new IOException("read " + total + " bytes of " + count + " files in " + dir
          + ", expected " + size * count);
    }
    return mbPerSecond(total, nanos);
  }

  /** Metadata operations measured over {@code files} paths spread over {@code threads}. */
  enum MetaOp {
    CREATE("create+close", "ops/s", 2, 2),
    GET_FILE_STATUS("getFileStatus", "ops/s", 1, 0),
    LIST_STATUS("listStatus", "listings/s", 1, 0),
    /** FileSystem.listFiles(dir, true): listLocatedStatus, with block locations. */
    LIST_FILES("listFiles(recursive)", "listings/s", 1, 0),
    RENAME("rename", "ops/s", 1, 1),
    DELETE("delete", "ops/s", 1, 1);

    /** The row name (FileSystem method). */
    final String label;
    final String unit;
    /** NameNode RPCs per operation (listStatus: per 1,000-entry page). */
    final int rpcs;
    /** Of those, how many wait for a journal sync. */
    final int synced;

    MetaOp(String label, String unit, int rpcs, int synced) {
      this.label = label;
      this.unit = unit;
      this.rpcs = rpcs;
      this.synced = synced;
    }

    /** The row name for {@code files} files on {@code threads} threads. */
    String row(int files, int threads) {
      String t = threads + (threads == 1 ? " thread" : " threads");
      return listing() ? label + " of " + files + " entries, " + t
          : label + " x" + files + ", " + t;
    }

    /** RPCs per operation for a directory of {@code files}. */
    int rpcs(int files) {
      return listing() ? Math.max(1, (files + 999) / 1000) : rpcs;
    }

    /** Whether each operation lists the whole directory (a rate in listings/s). */
    boolean listing() {
      return this == LIST_STATUS || this == LIST_FILES;
    }
  }

  /**
   * How many listings of a directory of {@code files} LIST_STATUS does: about 200,000 entries
   * listed in all, at least two per thread.
   */
  static int listings(int files, int threads) {
    return Math.max(2 * threads, 200_000 / Math.max(1, files));
  }

  /**
   * Runs one metadata operation on files {@code dir/f<i>} (renamed ones are {@code dir/r<i>});
   * returns operations per second. CREATE must run before the others; DELETE deletes the
   * renamed files.
   */
  static double metadata(FileSystem fs, Path dir, MetaOp op, int files, int threads)
      throws Exception {
    return metadata(fs, dir, op, files, threads, null);
  }

  /**
   * As {@link #metadata(FileSystem, Path, MetaOp, int, int)}; {@code progress} (null: none) is
   * told, on the operating thread, how many operations of all threads have finished after each
   * one (1, 2, ... each count once).
   */
  static double metadata(FileSystem fs, Path dir, MetaOp op, int files, int threads,
      IntConsumer progress) throws Exception {
    AtomicInteger finished = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int ops = op.listing() ? listings(files, threads) : files;
    try {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < ops; i += threads) {
            if (op.listing()) {
              int n = op == MetaOp.LIST_STATUS ? fs.listStatus(dir).length
                  : countFiles(fs, dir);
              if (n != files) {
                throw new IOException(op.label + " " + dir + ": " + n + " entries, expected "
                    + files);
              }
            } else {
              runOne(fs, dir, op, i);
            }
            if (progress != null) {
              progress.accept(finished.incrementAndGet());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return ops / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The files {@code listFiles(dir, true)} returns (with their block locations). */
  private static int countFiles(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
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
