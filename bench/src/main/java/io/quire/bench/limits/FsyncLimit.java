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
 * Disk limits in the bench's data directory: small appends each followed by
 * {@code FileChannel.force(false)} (fdatasync; what a journal sync per mutation costs), and a
 * sequential write of {@code seqBytes} in 1 MiB writes followed by one force (what a replica
 * synced on close costs per byte). The test files are deleted afterwards.
 */
public final class FsyncLimit {
  public static final String SYNC_NAME = "fdatasync (512 B appends)";
  public static final String SEQ_NAME = "sequential write+fsync";

  private FsyncLimit() {}

  public static List<Limit> measure(File dir, long millis, long seqBytes) throws Exception {
    Files.createDirectories(dir.toPath());
    File f = new File(dir, "fsync-limit.bin");
    try {
      double syncs;
      try (FileChannel ch = FileChannel.open(f.toPath(), StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer small = ByteBuffer.allocate(512);
        syncs = Timed.rate(millis, () -> {
          small.clear();
          ch.write(small);
          ch.force(false);
          return 1;
        });
      }
      double seq = sequential(f, seqBytes);
      return List.of(new Limit(SYNC_NAME, "syncs/s", syncs,
              "512-byte appends to one file, FileChannel.force(false) after each, in " + dir),
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
