package io.quire.namenode.journal;

import io.quire.protocol.storage.AtomicFiles;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The journal's epoch promise, file {@code epoch} in the journal directory, format version
 * {@value #VERSION}: one ASCII line {@code "<version> <epoch>\n"}, e.g. {@code "1 7\n"}.
 * Replaced atomically ({@link AtomicFiles#writeAndSync}); a missing file means epoch 0.
 */
final class EpochFile {
  static final String FILE_NAME = "epoch";
  static final int VERSION = 1;

  private final Path file;

  EpochFile(Path dir) {
    this.file = dir.resolve(FILE_NAME);
  }

  /** The file. */
  Path path() {
    return file;
  }

  /** The promised epoch as on disk now (0 if never promised). */
  long read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return 0;
    }
    return parse(bytes);
  }

  /** The epoch in {@code bytes}, the whole content of the file. */
  long parse(byte[] bytes) throws IOException {
    String[] parts = new String(bytes, StandardCharsets.US_ASCII).trim().split(" ");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException("expected '<version> <epoch>'");
      }
      int version = Integer.parseInt(parts[0]);
      if (version != VERSION) {
        throw new IncompatibleStorageException("Journal epoch file " + file + " has version "
            + version + "; this NameNode reads only version " + VERSION);
      }
      return Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw new CorruptJournalException("Journal epoch file " + file + " is unreadable", e);
    }
  }

  /** When this returns, {@code epoch} is the durable promise. */
  void writeAndSync(long epoch) throws IOException {
    byte[] bytes = (VERSION + " " + epoch + "\n").getBytes(StandardCharsets.US_ASCII);
    AtomicFiles.writeAndSync(file, bytes);
  }
}
