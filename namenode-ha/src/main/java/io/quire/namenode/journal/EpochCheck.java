package io.quire.namenode.journal;

import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The promised epoch of an {@link EpochFile} as a writer checks it before every sync, read
 * from the file only when the file changed: one {@code stat} per check instead of an
 * open, read and close (HDFS's file journal checks nothing per sync; this keeps Quire's check
 * and makes it cheap).
 *
 * <p>Why a stat suffices: a promise replaces the file ({@link EpochFile#writeAndSync}: a new
 * file renamed over it) and is made only under the {@link JournalDirLock}, which the caller
 * holds during {@link #read}. The file last read is kept open, so its inode cannot be freed
 * and its number cannot be given to a new file: the same file key (device and inode) means the
 * same file, never rewritten. A size or modification time that changed (someone wrote the
 * file in place) or a file system without file keys reads the file again. Not thread-safe: one
 * writer's syncs, one at a time.
 */
final class EpochCheck implements Closeable {
  /** Largest epoch file read: {@code "<version> <epoch>\n"} is far shorter. */
  private static final int MAX_BYTES = 64;

  private final EpochFile file;
  /** The file last read, held open; null when none (not read yet, or missing). */
  private FileChannel pinned;
  private Object key;
  private long size;
  private FileTime modified;
  private long epoch;

  EpochCheck(EpochFile file) {
    this.file = file;
  }

  /**
   * The promised epoch as on disk now (0 if never promised), like {@link EpochFile#read}.
   * The caller holds the journal directory's lock.
   */
  long read() throws IOException {
    BasicFileAttributes now;
    try {
      now = Files.readAttributes(file.path(), BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      release();
      return 0;
    }
    if (pinned != null && now.fileKey() != null && now.fileKey().equals(key)
        && now.size() == size && now.lastModifiedTime().equals(modified)) {
      return epoch;
    }
    release();
    FileChannel ch;
    try {
      ch = FileChannel.open(file.path(), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return 0;
    }
    try {
      long read = file.parse(readAll(ch));
      pinned = ch;
      key = now.fileKey();
      size = now.size();
      modified = now.lastModifiedTime();
      epoch = read;
      return read;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private byte[] readAll(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(MAX_BYTES + 1);
    while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
      // positional reads until the end of the file
    }
    if (!buf.hasRemaining()) {
      throw new CorruptJournalException("Journal epoch file " + file.path()
          + " is longer than " + MAX_BYTES + " bytes: not an epoch file");
    }
    byte[] bytes = new byte[buf.position()];
    buf.flip().get(bytes);
    return bytes;
  }

  private void release() throws IOException {
    FileChannel ch = pinned;
    pinned = null;
    key = null;
    if (ch != null) {
      ch.close();
    }
  }

  /** Lets go of the file last read. */
  @Override
  public void close() throws IOException {
    release();
  }
}
