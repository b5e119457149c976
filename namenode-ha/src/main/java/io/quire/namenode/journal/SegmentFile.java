package io.quire.namenode.journal;

import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One journal segment file, named {@code edits_inprogress_<first>} while written or
 * {@code edits_<first>-<last>} when finished. Numbers are zero-padded to 19 digits, so
 * names sort in txid order.
 *
 * @param lastTxId the last txid of a finished segment; -1 for an in-progress one
 */
record SegmentFile(Path path, long firstTxId, long lastTxId, boolean inProgress) {
  private static final Pattern IN_PROGRESS = Pattern.compile("edits_inprogress_(\\d{19})");
  private static final Pattern FINISHED = Pattern.compile("edits_(\\d{19})-(\\d{19})");

  static String inProgressName(long firstTxId) {
    return String.format("edits_inprogress_%019d", firstTxId);
  }

  static String finishedName(long firstTxId, long lastTxId) {
    return String.format("edits_%019d-%019d", firstTxId, lastTxId);
  }

  /**
   * Whether this segment may hold {@code txId} (an in-progress one may hold any txid from its
   * first).
   */
  boolean mayContain(long txId) {
    return txId >= firstTxId && (inProgress || txId <= lastTxId);
  }

  /**
   * The segments in {@code dir} in txid order. Finished segments must be contiguous (each
   * starts right after the previous one's last txid); an in-progress segment's extent is known
   * only by reading it.
   *
   * @throws CorruptJournalException on a gap, an overlap or two segments with one first txid
   */
  static List<SegmentFile> list(Path dir) throws IOException {
    List<SegmentFile> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        Matcher m = IN_PROGRESS.matcher(name);
        if (m.matches()) {
          out.add(new SegmentFile(p, Long.parseLong(m.group(1)), -1, true));
          continue;
        }
        m = FINISHED.matcher(name);
        if (m.matches()) {
          long first = Long.parseLong(m.group(1));
          long last = Long.parseLong(m.group(2));
          if (last < first) {
            throw new CorruptJournalException("Journal segment " + p + " ends before it starts");
          }
          out.add(new SegmentFile(p, first, last, false));
        }
      }
    }
    out.sort(Comparator.comparingLong(SegmentFile::firstTxId));
    for (int i = 1; i < out.size(); i++) {
      SegmentFile prev = out.get(i - 1);
      SegmentFile cur = out.get(i);
      if (cur.firstTxId == prev.firstTxId) {
        throw new CorruptJournalException("Journal " + dir + " has two segments starting at txid "
            + cur.firstTxId + ": " + prev.path.getFileName() + " and " + cur.path.getFileName());
      }
      if (!prev.inProgress && cur.firstTxId != prev.lastTxId + 1) {
        throw new CorruptJournalException("Journal " + dir + " has a txid gap or overlap: "
            + prev.path.getFileName() + " is followed by " + cur.path.getFileName());
      }
    }
    return out;
  }
}
