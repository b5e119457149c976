package io.quire.namenode.journal;

import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * On-disk format of one journal segment file. Writers write version {@value #VERSION};
 * readers read versions {@value #VERSION_1} (segments written before it) and {@value #VERSION},
 * each with its own tail rules. Any other version is an {@link IncompatibleStorageException}.
 *
 * <pre>
 * segment    := header body
 * header     := magic "QJNL" (4 ASCII bytes) | int version | long firstTxId             (16 bytes)
 * body (v1)  := record*
 * body (v2)  := chunk*
 * chunk (v2) := magic "QBAT" (4 ASCII bytes) | int recordsLength | int crc32c
 *               | long syncFirstTxId | record+                      (20 + recordsLength bytes)
 * record     := int payloadLength | int crc32c | long txId | long epoch | payload    (24 + n bytes)
 * </pre>
 * Integers are big-endian. Records are in the layout of {@link JournalRecordFormat} (shared
 * with the ZooKeeper journal's batches): a record's {@code crc32c} ({@link CRC32C}) covers the
 * rest of the record, txId, epoch and payload. Records carry consecutive txids starting at the
 * header's firstTxId, with non-decreasing epochs. {@code payloadLength} is at most
 * {@link #MAX_PAYLOAD}.
 *
 * <p>Chunks (version 2). Each sync of the writer (one group-commit batch, made durable by one
 * write and one fsync before any of its records is acknowledged) is written as one or more
 * chunks, split at record boundaries: a chunk holds at least one record and, when it holds
 * more than one, at most {@link #CHUNK_TARGET_BYTES} of records ({@code recordsLength} is
 * therefore between {@link #RECORD_HEADER_SIZE} and {@link #MAX_CHUNK_RECORDS_BYTES}). The
 * records of a chunk fill exactly its {@code recordsLength} bytes. A chunk's {@code crc32c}
 * covers syncFirstTxId and the records, i.e. the chunk from offset {@value #CHUNK_CRC_OFFSET}
 * to its end. {@code syncFirstTxId} is the first txid of the sync the chunk belongs to: the
 * txid of the chunk's first record for a sync's first chunk, the same value as the previous
 * chunk's for the sync's later chunks. A sync never spans two segments.
 *
 * <p>Tail rules, version 2. A crash can damage only the last sync, the one being written and
 * fsynced, in any way: any of its pages may be on disk or not (missing pages read as the
 * preallocated zeros or beyond the file's end), and none of its records was acknowledged. A
 * writer writes a sync only after the fsync of the previous one returned, so a sync followed on
 * disk by a later sync was acknowledged. Hence, at the position of the next chunk:
 * <ul>
 *   <li>an all-zero region up to the end of the file is the end of the records (the writer's
 *       padding, see below);
 *   <li>a <em>damaged chunk</em> (chunk header cut short, wrong magic, impossible
 *       recordsLength, a chunk running past the end of the file, a chunk CRC mismatch,
 *       including all-zero bytes with data after them) is a <em>torn tail</em>, and the segment
 *       ends at the start of that chunk (every record of it is dropped, even whole ones),
 *       unless a whole, CRC-valid chunk of a <em>later</em> sync ({@code syncFirstTxId} above
 *       the txid expected at the damaged chunk) starts anywhere after it: then the damaged
 *       sync was acknowledged, and the damage is corruption. Later chunks of the damaged sync
 *       itself have a {@code syncFirstTxId} at or below that txid and are no such evidence: a
 *       crash may have left them on disk and an earlier page of their sync missing;
 *   <li>a whole chunk with a valid CRC was written by a writer entirely; anything wrong inside
 *       it (records not filling recordsLength exactly, a record failing its own CRC, a wrong
 *       txid, a decreasing epoch, a syncFirstTxId that neither starts a sync at the chunk's
 *       first txid nor continues the previous chunk's sync) is corruption.
 * </ul>
 * Corruption stops reading: nothing after it is ever replayed. Records after the last synced
 * length were never acknowledged; that is why dropping a whole damaged final sync (and only the
 * final one) loses nothing that was promised.
 *
 * <p>Tail rules, version 1 (no chunks, so no sync boundaries on disk): a record whose declared
 * length runs past the end of the file (and no whole, CRC-valid record with a later txid
 * starts after it), a last record failing its CRC with nothing but zeros after it, a last
 * record with an impossible length and no whole record after it, a record header cut short,
 * or an all-zero region up to the end of the file is a torn tail: the segment ends at the last
 * whole record before it. Any other failure (a CRC mismatch with non-zero data after the
 * record, an impossible or damaged length with whole records after it, a wrong txid or a
 * decreasing epoch) is corruption. Version 1 cannot tell a crash that left a later page of the
 * last batch on disk and an earlier one missing from corruption (issue 8, defect 12); version 2
 * was made for that.
 *
 * <p>Preallocation: a writer extends an in-progress segment in zero-filled extensions ahead of
 * its chunks ({@link FencedSegmentOutput#PREALLOCATE_BYTES}), so the file normally ends in
 * zeros; an all-zero record (v1) or chunk (v2) header followed only by zeros is the end of the
 * records (not damage). A finished segment has no padding: it ends at its last record.
 *
 * <p>File names: {@code edits_inprogress_<firstTxId>} while written and
 * {@code edits_<firstTxId>-<lastTxId>} once finished; see {@link SegmentFile}.
 */
final class SegmentFormat {
  /** The version writers write: records in chunks, one or more per sync. */
  static final int VERSION = 2;
  /** The first version: records without chunks. Read, never written. */
  static final int VERSION_1 = 1;
  static final byte[] MAGIC = {'Q', 'J', 'N', 'L'};
  static final int HEADER_SIZE = 16;
  /** payloadLength, crc32c, txId, epoch: {@link JournalRecordFormat#HEADER_SIZE}. */
  static final int RECORD_HEADER_SIZE = JournalRecordFormat.HEADER_SIZE;
  static final int MAX_PAYLOAD = JournalRecordFormat.MAX_PAYLOAD;

  static final byte[] CHUNK_MAGIC = {'Q', 'B', 'A', 'T'};
  /** magic, recordsLength, crc32c, syncFirstTxId. */
  static final int CHUNK_HEADER_SIZE = 20;
  /** Offset within a chunk of the first byte its CRC covers (syncFirstTxId). */
  static final int CHUNK_CRC_OFFSET = 12;
  /** A writer closes a chunk before the records in it would exceed this (1 MiB). */
  static final int CHUNK_TARGET_BYTES = 1024 * 1024;
  /** Largest recordsLength: one record of {@link #MAX_PAYLOAD} bytes. */
  static final int MAX_CHUNK_RECORDS_BYTES = JournalRecordFormat.recordSize(MAX_PAYLOAD);

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private SegmentFormat() {}

  /** The header of a new segment, version {@link #VERSION}. */
  static ByteBuffer header(long firstTxId) {
    return header(VERSION, firstTxId);
  }

  /** A header of any version (tests craft version 1 segments and unknown versions). */
  static ByteBuffer header(int version, long firstTxId) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
    b.put(MAGIC).putInt(version).putLong(firstTxId).flip();
    return b;
  }

  /**
   * Validates a whole header read from {@code file} (position 0, {@link #HEADER_SIZE} bytes)
   * and returns its version, {@link #VERSION_1} or {@link #VERSION}.
   */
  static int checkHeader(ByteBuffer b, Path file, long expectedFirstTxId)
      throws CorruptJournalException, IncompatibleStorageException {
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        throw new CorruptJournalException("Journal segment " + file
            + " has no QJNL magic at offset 0: not a journal segment or damaged");
      }
    }
    int version = b.getInt(4);
    if (version != VERSION && version != VERSION_1) {
      throw new IncompatibleStorageException("Journal segment " + file + " has format version "
          + version + "; this NameNode reads only versions " + VERSION_1 + " and " + VERSION);
    }
    long first = b.getLong(8);
    if (first != expectedFirstTxId) {
      throw new CorruptJournalException("Journal segment " + file + " header says first txid "
          + first + " but its name says " + expectedFirstTxId);
    }
    return version;
  }

  /** {@link JournalRecordFormat#encodeHeader}, named for the segment tests that craft records. */
  static void encodeRecordHeader(CRC32C crc, byte[] header, long txId, long epoch,
      byte[] payload) {
    JournalRecordFormat.encodeHeader(crc, header, txId, epoch, payload);
  }

  /**
   * The chunks of one sync: {@code records[0, length)}, whole records in
   * {@link JournalRecordFormat} layout whose first txid is {@code syncFirstTxId}, split at record
   * boundaries as the format says, each chunk with its header. The one chunk encoder.
   */
  static ByteBuffer encodeSync(CRC32C crc, byte[] records, int length, long syncFirstTxId) {
    int chunks = 0;
    for (int start = 0; start < length; start = chunkEnd(records, start, length)) {
      chunks++;
    }
    byte[] out = new byte[length + chunks * CHUNK_HEADER_SIZE];
    int o = 0;
    for (int start = 0; start < length; ) {
      int end = chunkEnd(records, start, length);
      System.arraycopy(records, start, out, o + CHUNK_HEADER_SIZE, end - start);
      encodeChunkHeader(crc, out, o, end - start, syncFirstTxId);
      o += CHUNK_HEADER_SIZE + end - start;
      start = end;
    }
    return ByteBuffer.wrap(out);
  }

  /**
   * Fills the chunk header at {@code b[off]} for the {@code recordsLength} bytes of records
   * that follow it there, CRC included.
   */
  static void encodeChunkHeader(CRC32C crc, byte[] b, int off, int recordsLength,
      long syncFirstTxId) {
    System.arraycopy(CHUNK_MAGIC, 0, b, off, CHUNK_MAGIC.length);
    INT.set(b, off + 4, recordsLength);
    LONG.set(b, off + CHUNK_CRC_OFFSET, syncFirstTxId);
    INT.set(b, off + 8, chunkCrc(crc, b, off, recordsLength));
  }

  /** End of the chunk starting at the record at {@code start}: the split rule of the format. */
  private static int chunkEnd(byte[] records, int start, int length) {
    int end = start + JournalRecordFormat.recordSize(JournalRecordFormat.payloadLength(records,
        start));
    while (end < length) {
      int next = end + JournalRecordFormat.recordSize(JournalRecordFormat.payloadLength(records,
          end));
      if (next - start > CHUNK_TARGET_BYTES) {
        break;
      }
      end = next;
    }
    return end;
  }

  /** Whether the chunk at {@code b[off]} starts with the chunk magic. */
  static boolean chunkMagicMatches(byte[] b, int off) {
    for (int i = 0; i < CHUNK_MAGIC.length; i++) {
      if (b[off + i] != CHUNK_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** The declared recordsLength of the chunk at {@code off} (not yet validated). */
  static int chunkRecordsLength(byte[] b, int off) {
    return (int) INT.get(b, off + 4);
  }

  static long chunkSyncFirstTxId(byte[] b, int off) {
    return (long) LONG.get(b, off + CHUNK_CRC_OFFSET);
  }

  /**
   * Whether {@code recordsLength} is possible for a chunk (at least one record, at most one big
   * one).
   */
  static boolean chunkLengthPossible(int recordsLength) {
    return recordsLength >= RECORD_HEADER_SIZE && recordsLength <= MAX_CHUNK_RECORDS_BYTES;
  }

  /**
   * Whether the stored CRC of the chunk at {@code off} matches its bytes; {@code b} holds the
   * whole chunk ({@link #CHUNK_HEADER_SIZE} + {@code recordsLength} bytes).
   */
  static boolean chunkCrcMatches(CRC32C crc, byte[] b, int off, int recordsLength) {
    return chunkCrc(crc, b, off, recordsLength) == (int) INT.get(b, off + 8);
  }

  private static int chunkCrc(CRC32C crc, byte[] b, int off, int recordsLength) {
    crc.reset();
    crc.update(b, off + CHUNK_CRC_OFFSET, CHUNK_HEADER_SIZE - CHUNK_CRC_OFFSET + recordsLength);
    return (int) crc.getValue();
  }
}
