package io.quire.namenode.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion over one journal directory, across threads, {@link FileJournal} instances
 * and processes: an in-JVM lock per directory plus an OS lock on {@code journal.lock}.
 *
 * <p>It makes "check the promised epoch, then write and fsync" atomic against "promise a new
 * epoch, then recover the tail": a deposed writer either finishes its batch before the new
 * writer recovers (and the batch is kept) or sees the new epoch and writes nothing. Held for
 * one sync batch, one epoch promise or one segment roll at a time; not reentrant.
 */
final class JournalDirLock implements Closeable {
  static final String FILE_NAME = "journal.lock";
  /** FileLocks are per process, so threads of one JVM are serialized here first. */
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  /** A held lock; closing releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  private final ReentrantLock jvmLock;
  private final FileChannel channel;

  JournalDirLock(Path dir) throws IOException {
    this.channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    this.jvmLock = JVM_LOCKS.computeIfAbsent(dir.toRealPath(), k -> new ReentrantLock());
  }

  Held lock() throws IOException {
    jvmLock.lock();
    FileLock fileLock;
    try {
      fileLock = channel.lock();
    } catch (IOException | RuntimeException e) {
      jvmLock.unlock();
      throw e;
    }
    return () -> {
      try {
        fileLock.release();
      } finally {
        jvmLock.unlock();
      }
    };
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
