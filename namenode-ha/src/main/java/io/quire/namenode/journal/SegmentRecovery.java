package io.quire.namenode.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a journal directory to a clean state before a writer starts: every in-progress
 * segment is read to its last whole record, a torn tail is truncated there (with a warning),
 * and the segment is finished, or dropped if it holds no record. Corruption before the tail
 * throws {@link io.quire.protocol.exceptions.CorruptJournalException}. Callers hold the
 * {@link JournalDirLock}.
 */
final class SegmentRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

  private SegmentRecovery() {}

  /** Recovers {@code dir} and returns the last txid of a whole record (0 if none). */
  static long recover(Path dir) throws IOException {
    List<SegmentFile> segments = SegmentFile.list(dir);
    for (SegmentFile seg : segments) {
      if (seg.inProgress()) {
        recoverInProgress(dir, seg);
      }
    }
    List<SegmentFile> after = SegmentFile.list(dir);
    return after.isEmpty() ? 0 : after.get(after.size() - 1).lastTxId();
  }

  private static void recoverInProgress(Path dir, SegmentFile seg) throws IOException {
    long validEnd;
    long lastTxId;
    String torn;
    try (SegmentScanner scanner = new SegmentScanner(seg.path(), seg.firstTxId())) {
      while (scanner.next() != null) {
        // read to the last whole record
      }
      validEnd = scanner.validEnd();
      lastTxId = scanner.lastTxId();
      torn = scanner.tornReason();
    }
    if (SegmentScanner.ZERO_TAIL.equals(torn)) {
      LOG.info("Journal segment {} ends in zeros at offset {} (preallocated or never written);"
          + " truncating it after the last whole record (txid {})", seg.path(), validEnd,
          lastTxId);
    } else if (torn != null) {
      LOG.warn("Journal segment {} has a torn tail at offset {} ({}); truncating it after the last"
          + " whole record (txid {})", seg.path(), validEnd, torn, lastTxId);
    }
    if (torn != null) {
      try (FileChannel ch = FileChannel.open(seg.path(), StandardOpenOption.WRITE)) {
        ch.truncate(Math.min(validEnd, ch.size()));
        ch.force(true);
      }
    }
    if (lastTxId < seg.firstTxId()) {
      LOG.info("Dropping journal segment {}: it holds no whole record", seg.path());
      Segments.dropEmpty(dir, seg.firstTxId());
    } else {
      LOG.info("Finishing journal segment {} at txid {}", seg.path(), lastTxId);
      Segments.finish(dir, seg.firstTxId(), lastTxId);
    }
  }
}
