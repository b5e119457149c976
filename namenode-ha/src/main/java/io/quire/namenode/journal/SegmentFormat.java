package io.quire.namenode.journal;

import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * On-disk format of one journal segment file, version {@value #VERSION}.
 *
 * <pre>
 * segment := header record*
 * header  := magic "QJNL" (4 ASCII bytes) | int version | long firstTxId          (16 bytes)
 * record  := int payloadLength | int crc32c | long txId | long epoch | payload    (24 + n bytes)
 * </pre>
 * Integers are big-endian. Records are in the layout of {@link JournalRecordFormat} (shared
 * with the ZooKeeper journal's batches): {@code crc32c} ({@link CRC32C}) covers the rest of the
 * record, txId, epoch and payload. Records carry consecutive txids starting at the header's
 * firstTxId, with non-decreasing epochs. {@code payloadLength} is at most {@link #MAX_PAYLOAD}.
 *
 * <p>Tail rules (a crash can tear only the last write): a record whose declared length runs
 * past the end of the file (and no whole, CRC-valid record with a later txid starts after it),
 * a last record failing its CRC with nothing but zeros after it, a last record with an
 * impossible length and no whole record after it, a record header cut short, or an
 * all-zero region up to the end of the file is a <em>torn tail</em>: the segment ends at the
 * last whole record before it. Any other failure (a CRC mismatch with non-zero data after the
 * record, an impossible or damaged length with whole records after it, a wrong txid or a
 * decreasing epoch) is corruption, and nothing after it is ever replayed.
 *
 * <p>Preallocation: a writer extends an in-progress segment in zero-filled chunks ahead of
 * its records ({@link FencedSegmentOutput#PREALLOCATE_BYTES}), so the file normally ends in
 * zeros; an all-zero record header followed only by zeros is the end of the records (not
 * damage). A finished segment has no padding: it ends at its last record.
 *
 * <p>File names: {@code edits_inprogress_<firstTxId>} while written and
 * {@code edits_<firstTxId>-<lastTxId>} once finished; see {@link SegmentFile}.
 */
final class SegmentFormat {
  static final int VERSION = 1;
  static final byte[] MAGIC = {'Q', 'J', 'N', 'L'};
  static final int HEADER_SIZE = 16;
  /** payloadLength, crc32c, txId, epoch: {@link JournalRecordFormat#HEADER_SIZE}. */
  static final int RECORD_HEADER_SIZE = JournalRecordFormat.HEADER_SIZE;
  static final int MAX_PAYLOAD = JournalRecordFormat.MAX_PAYLOAD;

  private SegmentFormat() {}

  static ByteBuffer header(long firstTxId) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
    b.put(MAGIC).putInt(VERSION).putLong(firstTxId).flip();
    return b;
  }

  /** Validates a whole header read from {@code file} (position 0, {@link #HEADER_SIZE} bytes). */
  static void checkHeader(ByteBuffer b, Path file, long expectedFirstTxId)
      throws CorruptJournalException, IncompatibleStorageException {
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        throw new CorruptJournalException("Journal segment " + file
            + " has no QJNL magic at offset 0: not a journal segment or damaged");
      }
    }
    int version = b.getInt(4);
    if (version != VERSION) {
      throw new IncompatibleStorageException("Journal segment " + file + " has format version "
          + version + "; this NameNode reads only version " + VERSION);
    }
    long first = b.getLong(8);
    if (first != expectedFirstTxId) {
      throw new CorruptJournalException("Journal segment " + file + " header says first txid "
          + first + " but its name says " + expectedFirstTxId);
    }
  }

  /** {@link JournalRecordFormat#encodeHeader}, named for the segment tests that craft records. */
  static void encodeRecordHeader(CRC32C crc, byte[] header, long txId, long epoch,
      byte[] payload) {
    JournalRecordFormat.encodeHeader(crc, header, txId, epoch, payload);
  }
}
