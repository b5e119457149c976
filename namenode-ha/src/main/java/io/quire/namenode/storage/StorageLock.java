package io.quire.namenode.storage;

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
 * The exclusive {@code <name.dir>/in_use.lock} of a NameNode storage directory.
 *
 * <p>An OS file lock (released by the kernel when the process dies, so a SIGKILLed NameNode
 * never leaves a stale lock) held for the lifetime of the storage. The file's content is the
 * holder's {@code pid@host}, for the error message of the next opener.
 */
final class StorageLock implements Closeable {
  static final String LOCK_FILE = "in_use.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StorageLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code nameDir} (which must exist).
   *
   * @throws StorageInUseException if another process or another instance in this JVM holds it
   */
  static StorageLock acquire(File nameDir) throws IOException {
    Path file = nameDir.toPath().resolve(LOCK_FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      ch.close();
      throw new IOException("Cannot lock NameNode storage directory " + nameDir + " (" + file + ")", e);
    }
    if (lock == null) {
      String holder = readHolder(ch);
      ch.close();
      throw new StorageInUseException("Cannot lock NameNode storage directory " + nameDir
          + ": " + file + " is held by " + holder
          + " (another NameNode is using this directory; stop it first)");
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
      return s.isEmpty() ? "another instance in this JVM" : s;
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
