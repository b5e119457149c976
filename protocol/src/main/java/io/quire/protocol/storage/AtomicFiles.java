package io.quire.protocol.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe replacement of small metadata files (epoch, VERSION).
 *
 * <p>{@link #writeAndSync} writes {@code <name>.tmp}, fsyncs it, renames it over the target
 * (atomic on POSIX file systems) and fsyncs the directory. A crash at any point leaves either
 * the old content or the new content under the target name, never a mix; a stale
 * {@code .tmp} may remain and is overwritten by the next write. Not for concurrent writers of
 * the same file: callers serialize writes of one target.
 */
public final class AtomicFiles {
  /** Suffix of the temporary file written before the rename. */
  public static final String TMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** When this returns, {@code target} holds exactly {@code data} durably (file and name). */
  public static void writeAndSync(Path target, byte[] data) throws IOException {
    Path tmp = writeTempAndSync(target, data);
    renameAndSyncDirectory(tmp, target);
  }

  /** The temporary sibling used for {@code target}. */
  static Path tempFor(Path target) {
    return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
  }

  /** First half of {@link #writeAndSync}: the temp file is on disk, the target untouched. */
  static Path writeTempAndSync(Path target, byte[] data) throws IOException {
    Path tmp = tempFor(target);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new IOException("Cannot write temporary file " + tmp + " for " + target, e);
    }
    return tmp;
  }

  /**
   * Atomically renames {@code from} over {@code to} and fsyncs the directory: when this
   * returns, the rename survives a crash.
   */
  public static void renameAndSyncDirectory(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IOException("Cannot rename " + from + " to " + to, e);
    }
    syncDirectory(to.toAbsolutePath().getParent());
  }

  /** fsyncs a directory so that creations, renames and deletions in it are durable. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw new IOException("Cannot fsync directory " + dir, e);
    }
  }
}
