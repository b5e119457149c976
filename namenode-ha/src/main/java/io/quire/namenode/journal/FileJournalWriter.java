package io.quire.namenode.journal;

import java.nio.file.Path;

/**
 * The writer of a {@link FileJournal} for one epoch: the {@link GroupCommitWriter} over the
 * in-progress segment ({@link FencedSegmentOutput}), whose every batch is written and fsynced
 * only after checking, under the directory lock, that the promised epoch on disk is still its
 * own. A named type so that callers (tests, metrics) can tell a file journal's writer apart.
 */
public final class FileJournalWriter extends GroupCommitWriter {

  FileJournalWriter(Path dir, long epoch, long lastTxId, FencedSegmentOutput output) {
    super(dir.toString(), epoch, lastTxId, JournalRecordFormat.MAX_PAYLOAD, output);
  }
}
