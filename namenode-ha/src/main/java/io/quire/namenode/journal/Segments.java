package io.quire.namenode.journal;

import io.quire.protocol.storage.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Creating, finishing and dropping segment files, each step durable when it returns. */
final class Segments {
  private Segments() {}

  /**
   * Creates {@code edits_inprogress_<first>} with its header, fsynced; returns it open for
   * appending.
   */
  static FileChannel createInProgress(Path dir, long firstTxId) throws IOException {
    Path file = dir.resolve(SegmentFile.inProgressName(firstTxId));
    FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ByteBuffer header = SegmentFormat.header(firstTxId);
      while (header.hasRemaining()) {
        ch.write(header);
      }
      ch.force(true);
      AtomicFiles.syncDirectory(dir);
      return ch;
    } catch (IOException e) {
      ch.close();
      throw new IOException("Cannot create journal segment " + file, e);
    }
  }

  /** Renames an in-progress segment to {@code edits_<first>-<last>}; durable when it returns. */
  static void finish(Path dir, long firstTxId, long lastTxId) throws IOException {
    AtomicFiles.renameAndSyncDirectory(dir.resolve(SegmentFile.inProgressName(firstTxId)),
        dir.resolve(SegmentFile.finishedName(firstTxId, lastTxId)));
  }

  /** Deletes an in-progress segment that holds no record. */
  static void dropEmpty(Path dir, long firstTxId) throws IOException {
    Files.deleteIfExists(dir.resolve(SegmentFile.inProgressName(firstTxId)));
    AtomicFiles.syncDirectory(dir);
  }
}
