package io.quire.namenode.journal;

import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link FileJournal} from a txid across segments, finished and in-progress. At the
 * end of the whole records {@link #next} returns null; a later call continues with records
 * written since, following the in-progress segment when it is finished and the next one
 * begins (tailing, as a standby does).
 */
final class FileJournalReader implements JournalReader {
  private static final Logger LOG = LoggerFactory.getLogger(FileJournalReader.class);

  private final Path dir;
  /** The txid the next returned record must have; records below it are skipped. */
  private long nextTxId;
  private SegmentFile segment;
  private SegmentScanner scanner;
  private String lastTornWarning;

  FileJournalReader(Path dir, long fromTxId) throws IOException {
    if (fromTxId < 1) {
      throw new IllegalArgumentException("Journal txids start at 1, not " + fromTxId);
    }
    this.dir = dir;
    this.nextTxId = fromTxId;
    List<SegmentFile> segments = SegmentFile.list(dir);
    if (!segments.isEmpty() && fromTxId < segments.get(0).firstTxId()) {
      throw new TxIdNotRetainedException("Journal " + dir + " no longer holds txid " + fromTxId
          + ": the oldest retained segment starts at txid " + segments.get(0).firstTxId());
    }
  }

  @Override
  public JournalRecord next() throws IOException {
    while (true) {
      if (scanner == null && !openSegmentFor(nextTxId)) {
        return null;
      }
      if (!segment.inProgress() && scanner.lastTxId() >= segment.lastTxId()) {
        closeSegment();
        continue;
      }
      JournalRecord r = scanner.next();
      if (r != null) {
        if (r.txId() < nextTxId) {
          continue;
        }
        nextTxId = r.txId() + 1;
        return r;
      }
      if (!segment.inProgress()) {
        throw new CorruptJournalException("Journal segment " + segment.path() + " ends at txid "
            + scanner.lastTxId() + ", before its last txid " + segment.lastTxId()
            + (scanner.tornReason() == null ? "" : " (" + scanner.tornReason() + ")"));
      }
      SegmentFile now = refresh(segment.firstTxId());
      if (now != null && !now.inProgress()) {
        segment = now; // finished meanwhile: read on to its last txid, then move to the next
        continue;
      }
      if (now == null) {
        closeSegment(); // dropped as empty by recovery; a new segment may hold nextTxId
        if (openSegmentFor(nextTxId)) {
          continue;
        }
        return null;
      }
      warnTorn();
      return null;
    }
  }

  private void warnTorn() {
    String torn = scanner.tornReason();
    if (torn == null || SegmentScanner.ZERO_TAIL.equals(torn)) {
      return; // a clean end, or the writer's preallocated padding: the normal end of a tail
    }
    String warning = scanner.file() + "@" + scanner.validEnd();
    if (!warning.equals(lastTornWarning)) {
      lastTornWarning = warning;
      LOG.warn("Journal segment {} ends in a torn tail at offset {} ({}); reading stops at txid {}."
          + " If a writer is active this may be a batch being written.", scanner.file(),
          scanner.validEnd(), torn, scanner.lastTxId());
    }
  }

  /** Opens the segment that holds {@code txId}; false if none does yet. */
  private boolean openSegmentFor(long txId) throws IOException {
    List<SegmentFile> segments = SegmentFile.list(dir);
    SegmentFile found = null;
    for (SegmentFile seg : segments) {
      if (seg.mayContain(txId)) {
        found = seg; // the last one starting at or below txid wins
      }
    }
    if (found == null) {
      for (SegmentFile seg : segments) {
        if (seg.firstTxId() > txId) {
          throw new CorruptJournalException("Journal " + dir + " has no segment holding txid "
              + txId + " but has " + seg.path().getFileName() + " after it: records are missing");
        }
      }
      return false;
    }
    try {
      scanner = new SegmentScanner(found.path(), found.firstTxId());
    } catch (java.nio.file.NoSuchFileException e) {
      return false; // finished or dropped between listing and opening: the next call relists
    }
    segment = found;
    return true;
  }

  private SegmentFile refresh(long firstTxId) throws IOException {
    for (SegmentFile seg : SegmentFile.list(dir)) {
      if (seg.firstTxId() == firstTxId) {
        return seg;
      }
    }
    return null;
  }

  private void closeSegment() throws IOException {
    if (scanner != null) {
      scanner.close();
    }
    scanner = null;
    segment = null;
  }

  @Override
  public void close() throws IOException {
    closeSegment();
  }
}
