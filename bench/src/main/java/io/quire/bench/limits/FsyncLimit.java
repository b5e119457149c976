package io.quire.bench.limits;

import io.quire.bench.history.Limit;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Disk limits in the bench's data directory: 512-byte writes, one after the other in a
 * preallocated 16 MiB file (as the NameNodes' journals are), each followed by
 * {@code FileChannel.force(false)} (fdatasync; what a journal sync per mutation costs), and a
 * sequential write of {@code seqBytes} in 1 MiB writes followed by one force (what a replica
 * synced on close costs per byte). The test files are deleted afterwards.
 */
public final class FsyncLimit {
  public static final String SYNC_NAME = "fdatasync (512 B writes)";
  public static final String SEQ_NAME = "sequential write+fsync";
  private static final int PREALLOCATED_MIB = 16;

  private FsyncLimit() {}

  public static List<Limit> measure(File dir, long millis, long seqBytes) throws Exception {
    Files.createDirectories(dir.toPath());
    File f = new File(dir, "fsync-limit.bin");
    try {
      double syncs;
      try (FileChannel ch = FileChannel.open(f.toPath(), StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        // Preallocated, as both journals are: a sync then writes data, not the file's size.
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < PREALLOCATED_MIB; i++) {
          zeros.clear();
          while (zeros.hasRemaining()) {
            ch.write(zeros);
          }
        }
        ch.force(true);
        ByteBuffer small = ByteBuffer.allocate(512);
        long[] pos = {0};
        syncs = Timed.rate(millis, () -> {
          small.clear();
          ch.write(small, pos[0]);
          pos[0] = (pos[0] + 512) % ((long) PREALLOCATED_MIB << 20);
          ch.force(false);
          return 1;
        });
      }
      double seq = sequential(f, seqBytes);
      return List.of(new Limit(SYNC_NAME, "syncs/s", syncs,
              "512-byte writes in a preallocated file, FileChannel.force(false) after each, in "
              + dir),
          new Limit(SEQ_NAME, "MB/s", seq / 1e6, (seqBytes >> 20)
              + " MiB in 1 MiB writes to a new file, then force(false), in " + dir));
    } finally {
      Files.deleteIfExists(f.toPath());
    }
  }

  private static double sequential(File f, long bytes) throws IOException {
    Files.deleteIfExists(f.toPath());
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    long start = System.nanoTime();
    try (FileChannel ch = FileChannel.open(f.toPath(), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      for (long done = 0; done < bytes; done += buf.capacity()) {
        buf.clear();
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
      ch.force(false);
    }
    return bytes / ((System.nanoTime() - start) / 1e9);
  }
}
