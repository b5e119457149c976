package io.quire.protocol.storage;

import io.quire.protocol.exceptions.StorageInUseException;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive {@code <storage dir>/in_use.lock} of a NameNode or DataNode storage directory
 * (the one lock of both servers, as HDFS's {@code in_use.lock}).
 *
 * <p>An OS file lock (released by the kernel when the process dies, so a SIGKILLed server
 * never leaves a stale lock) taken before anything else in the directory is touched and held
 * for the lifetime of the storage. The file's content is the holder's {@code pid@host}, for
 * the error message of the next opener.
 */
public final class StorageLock implements Closeable {
  public static final String LOCK_FILE = "in_use.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StorageLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir} (which must exist).
   *
   * @param server who asks, for messages: "NameNode", "DataNode"
   * @throws StorageInUseException if another process or another instance in this JVM holds it
   */
  public static StorageLock acquire(File dir, String server) throws IOException {
    Path file = dir.toPath().resolve(LOCK_FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      ch.close();
      throw new IOException("Cannot lock " + server + " storage directory " + dir + " (" + file
          + ")", e);
    }
    if (lock == null) {
      String holder = readHolder(ch);
      ch.close();
      throw new StorageInUseException("Cannot lock " + server + " storage directory " + dir
          + ": " + file + " is held by " + holder + " (another " + server
          + " is using this directory; stop it first, or give this one its own directory)");
    }
    try {
      byte[] me = ManagementFactory.getRuntimeMXBean().getName().getBytes(StandardCharsets.UTF_8);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(me), 0);
      ch.force(false);
    } catch (IOException e) {
      lock.release();
      ch.close();
      throw new IOException("Cannot record the lock holder in " + file, e);
    }
    return new StorageLock(ch, lock);
  }

  private static String readHolder(FileChannel ch) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(256);
      ch.read(buf, 0);
      buf.flip();
      String s = StandardCharsets.UTF_8.decode(buf).toString().trim();
      String me = ManagementFactory.getRuntimeMXBean().getName();
      return s.isEmpty() || s.equals(me) ? "another instance in this process (" + me + ")" : s;
    } catch (IOException e) {
      return "an unknown process";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }
}
