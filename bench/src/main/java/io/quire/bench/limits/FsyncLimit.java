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
        syncs = syncLoop(ch, millis, PREALLOCATED_MIB);
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

  /**
   * A short probe of the same 512-byte write + fdatasync loop in {@code dir}, in a preallocated
   * file of 1 MiB ({@code fsync-probe.bin}, deleted afterwards): syncs per second over
   * {@code millis}. For checking that the disk is back to its usual sync rate.
   */
  public static double syncRate(File dir, long millis) throws Exception {
    Files.createDirectories(dir.toPath());
    File f = new File(dir, "fsync-probe.bin");
    try (FileChannel ch = FileChannel.open(f.toPath(), StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
      while (zeros.hasRemaining()) {
        ch.write(zeros);
      }
      ch.force(true);
      return syncLoop(ch, millis, 1);
    } finally {
      Files.deleteIfExists(f.toPath());
    }
  }

  /** 512-byte writes cycling through the first {@code mib} MiB of {@code ch}, force after each. */
  private static double syncLoop(FileChannel ch, long millis, int mib) throws Exception {
    ByteBuffer small = ByteBuffer.allocate(512);
    long[] pos = {0};
    return Timed.rate(millis, () -> {
      small.clear();
      ch.write(small, pos[0]);
      pos[0] = (pos[0] + 512) % ((long) mib << 20);
      ch.force(false);
      return 1;
    });
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
