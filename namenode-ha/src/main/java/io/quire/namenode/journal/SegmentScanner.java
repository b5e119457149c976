package io.quire.namenode.journal;

import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads the whole records of one segment file in order, applying the tail rules of
 * {@link SegmentFormat} for the segment's version (1: records; 2: records in chunks).
 * {@link #next} returns null at the end of the whole records; it can be called again later to
 * pick up records appended since (tailing). Never modifies the file.
 */
final class SegmentScanner implements Closeable {
  /**
   * {@link #tornReason()} when the records end at an all-zero region: a writer's preallocated
   * padding (the normal end of an in-progress segment) or zeros left by a crash.
   */
  static final String ZERO_TAIL = "zero-filled tail";
  private final Path file;
  private final long firstTxId;
  private final FileChannel channel;
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
  /** File offset of buf[0]; buf holds file bytes [bufStart, bufStart + buf.limit()). */
  private long bufStart;
  /** 0 until the header is read, then {@link SegmentFormat#VERSION_1} or {@code VERSION}. */
  private int version;
  private long validEnd = SegmentFormat.HEADER_SIZE;
  private long nextTxId;
  private long lastEpoch;
  private String tornReason;
  /** v2: the chunk being handed out, [validEnd, chunkEnd); its next record at recordPos. */
  private long chunkEnd = -1;
  private long recordPos;
  /** v2: syncFirstTxId of the last whole chunk, -1 before the first one. */
  private long syncFirstTxId = -1;

  SegmentScanner(Path file, long firstTxId) throws IOException {
    this.file = file;
    this.firstTxId = firstTxId;
    this.nextTxId = firstTxId;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    buf.limit(0);
  }

  /** The next whole record, or null if none (yet); see {@link #tornReason()} after a null. */
  JournalRecord next() throws IOException {
    tornReason = null;
    if (version == 0) {
      if (!fill(0, SegmentFormat.HEADER_SIZE)) {
        tornReason = channel.size() == 0 ? null : "segment header cut short";
        return null;
      }
      if (restIsZero(0)) {
        tornReason = "zero-filled segment header";
        return null;
      }
      version = SegmentFormat.checkHeader(buf.duplicate(), file, firstTxId);
    }
    return version == SegmentFormat.VERSION_1 ? nextV1() : nextV2();
  }

  /** Version 2: the next record of the current chunk, else of the next whole chunk. */
  private JournalRecord nextV2() throws IOException {
    if (chunkEnd < 0 && !openChunk()) {
      return null;
    }
    if (!fill(recordPos, (int) (chunkEnd - recordPos))) {
      throw new IOException("Journal segment " + file + " shrank under a reader at offset "
          + recordPos);
    }
    byte[] a = buf.array();
    int i = (int) (recordPos - bufStart);
    int room = (int) (chunkEnd - recordPos);
    if (room < SegmentFormat.RECORD_HEADER_SIZE) {
      throw corrupt(recordPos, "the records of the CRC-valid chunk at offset " + validEnd
          + " end " + room + " bytes short of its length");
    }
    int length = JournalRecordFormat.payloadLength(a, i);
    if (length < 0 || length > SegmentFormat.MAX_PAYLOAD
        || JournalRecordFormat.recordSize(length) > room) {
      throw corrupt(recordPos, "payload length " + length + " in the CRC-valid chunk at offset "
          + validEnd + " (" + room + " bytes left in it)");
    }
    if (!JournalRecordFormat.crcMatches(crc, a, i, length)) {
      throw corrupt(recordPos, "CRC32C mismatch in the CRC-valid chunk at offset " + validEnd);
    }
    JournalRecord record = checkNext(recordPos, JournalRecordFormat.decode(a, i));
    recordPos += JournalRecordFormat.recordSize(length);
    if (recordPos == chunkEnd) {
      validEnd = chunkEnd;
      chunkEnd = -1;
    }
    return record;
  }

  /**
   * Makes the chunk at {@link #validEnd} current if it is whole and CRC-valid; else applies the
   * version 2 tail rules and returns false (torn, with {@link #tornReason}) or throws.
   */
  private boolean openChunk() throws IOException {
    long pos = validEnd;
    if (channel.size() <= pos) {
      return false; // a clean end: nothing after the last chunk (yet)
    }
    String damage = chunkDamage(pos);
    if (damage == null) {
      acceptChunk(pos);
      return true;
    }
    if (damage.equals(ZERO_TAIL)) {
      tornReason = ZERO_TAIL;
      return false;
    }
    if (!laterSyncFollows(pos)) {
      tornReason = "last chunk " + damage + " and no later sync follows it";
      return false;
    }
    if (chunkDamage(pos) == null) {
      // Tailing: a writer was writing this chunk when first read; a later sync follows it only
      // once this one is written, so reading it again sees it whole.
      acceptChunk(pos);
      return true;
    }
    throw corrupt(pos, "chunk " + damage + ", but a later sync follows it (the damaged sync was"
        + " acknowledged)");
  }

  /** Null if a whole CRC-valid chunk starts at {@code pos}, else what is wrong with it. */
  private String chunkDamage(long pos) throws IOException {
    if (!fill(pos, SegmentFormat.CHUNK_HEADER_SIZE)) {
      return restIsZero(pos) ? ZERO_TAIL : "header cut short";
    }
    byte[] a = buf.array();
    int i = (int) (pos - bufStart);
    if (!SegmentFormat.chunkMagicMatches(a, i)) {
      if (isZero(a, i, SegmentFormat.CHUNK_HEADER_SIZE) && restIsZero(pos)) {
        return ZERO_TAIL;
      }
      return "has no QBAT magic";
    }
    int length = SegmentFormat.chunkRecordsLength(a, i);
    if (!SegmentFormat.chunkLengthPossible(length)) {
      return "has an impossible records length " + length;
    }
    if (!fill(pos, SegmentFormat.CHUNK_HEADER_SIZE + length)) {
      return "(records length " + length + ") runs past the end of the file";
    }
    if (!SegmentFormat.chunkCrcMatches(crc, buf.array(), (int) (pos - bufStart), length)) {
      return "fails its CRC32C";
    }
    return null;
  }

  /** The whole CRC-valid chunk at {@code pos} (in buf) becomes current; checks its sync. */
  private void acceptChunk(long pos) throws CorruptJournalException {
    int i = (int) (pos - bufStart);
    long sync = SegmentFormat.chunkSyncFirstTxId(buf.array(), i);
    if (sync != nextTxId && (sync != syncFirstTxId || syncFirstTxId < 0)) {
      throw corrupt(pos, "a CRC-valid chunk says its sync starts at txid " + sync
          + ", neither at its first record nor at the previous chunk's sync");
    }
    syncFirstTxId = sync;
    recordPos = pos + SegmentFormat.CHUNK_HEADER_SIZE;
    chunkEnd = recordPos + SegmentFormat.chunkRecordsLength(buf.array(), i);
  }

  /**
   * Version 2: whether a whole, CRC-valid chunk of a later sync (syncFirstTxId above the txid
   * expected at {@code pos}) starts anywhere after {@code pos}; then the damaged chunk at
   * {@code pos} belongs to an acknowledged sync. Runs only on the tail path; the txid bound
   * keeps it linear.
   */
  private boolean laterSyncFollows(long pos) throws IOException {
    long end = channel.size();
    long maxTxId = nextTxId + (end - pos) / SegmentFormat.RECORD_HEADER_SIZE;
    CRC32C check = new CRC32C();
    for (long q = pos + 1; q + SegmentFormat.CHUNK_HEADER_SIZE <= end; q++) {
      if (!fill(q, SegmentFormat.CHUNK_HEADER_SIZE)) {
        return false;
      }
      byte[] a = buf.array();
      int i = (int) (q - bufStart);
      if (!SegmentFormat.chunkMagicMatches(a, i)) {
        continue;
      }
      int length = SegmentFormat.chunkRecordsLength(a, i);
      long sync = SegmentFormat.chunkSyncFirstTxId(a, i);
      if (sync <= nextTxId || sync > maxTxId || !SegmentFormat.chunkLengthPossible(length)
          || q + SegmentFormat.CHUNK_HEADER_SIZE + length > end
          || !fill(q, SegmentFormat.CHUNK_HEADER_SIZE + length)) {
        continue;
      }
      if (SegmentFormat.chunkCrcMatches(check, buf.array(), (int) (q - bufStart), length)) {
        return true;
      }
    }
    return false;
  }

  /** Version 1: the next whole record, by the version 1 tail rules. */
  private JournalRecord nextV1() throws IOException {
    long pos = validEnd;
    if (!fill(pos, SegmentFormat.RECORD_HEADER_SIZE)) {
      tornReason = channel.size() > pos ? "record header cut short" : null;
      return null;
    }
    byte[] a = buf.array();
    int i = (int) (pos - bufStart);
    int length = JournalRecordFormat.payloadLength(a, i);
    if (length == 0 && JournalRecordFormat.storedCrc(a, i) == 0
        && JournalRecordFormat.txId(a, i) == 0 && restIsZero(pos)) {
      tornReason = ZERO_TAIL;
      return null;
    }
    if (length < 0 || length > SegmentFormat.MAX_PAYLOAD) {
      if (!wholeRecordFollows(pos)) {
        tornReason = "last record has an impossible payload length " + length
            + " and no whole record follows it";
        return null;
      }
      throw corrupt(pos, "impossible payload length " + length);
    }
    int recordSize = JournalRecordFormat.recordSize(length);
    if (!fill(pos, recordSize)) {
      if (wholeRecordFollows(pos)) {
        throw corrupt(pos, "payload length " + length + " runs past the end of the file but whole"
            + " records follow (damaged length field)");
      }
      tornReason = "last record (length " + length + ") runs past the end of the file";
      return null;
    }
    a = buf.array();
    i = (int) (pos - bufStart);
    if (!JournalRecordFormat.crcMatches(crc, a, i, length)) {
      if (pos + recordSize == channel.size() || restIsZero(pos + recordSize)) {
        tornReason = "last record fails its CRC32C and nothing follows it";
        return null;
      }
      throw corrupt(pos, "CRC32C mismatch with more records after it");
    }
    JournalRecord record = checkNext(pos, JournalRecordFormat.decode(a, i));
    validEnd = pos + recordSize;
    return record;
  }

  /** Checks the txid and epoch of a whole record read at {@code pos} and counts it. */
  private JournalRecord checkNext(long pos, JournalRecord record) throws CorruptJournalException {
    if (record.txId() != nextTxId) {
      throw corrupt(pos, "found txid " + record.txId() + " (txids must be consecutive)");
    }
    if (record.epoch() < lastEpoch) {
      throw corrupt(pos, "epoch " + record.epoch() + " is below the previous record's epoch "
          + lastEpoch);
    }
    nextTxId++;
    lastEpoch = record.epoch();
    return record;
  }

  /** Why the last {@link #next} returned null: null for a clean end, else the torn-tail reason. */
  String tornReason() {
    return tornReason;
  }

  /**
   * Offset just past the last whole record (v1) or chunk (v2) read entirely (the header size if
   * none): where a torn tail is cut.
   */
  long validEnd() {
    return validEnd;
  }

  /** Txid of the last whole record read, {@code firstTxId - 1} if none. */
  long lastTxId() {
    return nextTxId - 1;
  }

  Path file() {
    return file;
  }

  private CorruptJournalException corrupt(long offset, String what) {
    return new CorruptJournalException("Corrupt journal record in " + file + " at offset " + offset
        + " (expected txid " + nextTxId + "): " + what + "; refusing to replay past it");
  }

  /** Makes file bytes [pos, pos + n) available in buf; false if the file ends before. */
  private boolean fill(long pos, int n) throws IOException {
    if (pos >= bufStart && pos + n <= bufStart + buf.limit()) {
      return true;
    }
    if (buf.capacity() < n) {
      buf = ByteBuffer.allocate(Math.max(n, buf.capacity() * 2));
    }
    buf.clear();
    bufStart = pos;
    while (buf.hasRemaining()) {
      if (channel.read(buf, pos + buf.position()) <= 0) {
        break;
      }
    }
    buf.flip();
    return buf.limit() >= n;
  }

  /**
   * Whether a whole, checksum-valid record with a later txid starts anywhere after {@code pos}:
   * then the record at {@code pos} is not a torn tail but damage. Runs only on the tail path;
   * the txid filter keeps the scan linear.
   */
  private boolean wholeRecordFollows(long pos) throws IOException {
    long end = channel.size();
    long maxTxId = nextTxId + (end - pos) / SegmentFormat.RECORD_HEADER_SIZE;
    CRC32C check = new CRC32C();
    for (long q = pos + 1; q + SegmentFormat.RECORD_HEADER_SIZE <= end; q++) {
      if (!fill(q, SegmentFormat.RECORD_HEADER_SIZE)) {
        return false;
      }
      int i = (int) (q - bufStart);
      long txId = JournalRecordFormat.txId(buf.array(), i);
      int length = JournalRecordFormat.payloadLength(buf.array(), i);
      if (txId <= nextTxId || txId > maxTxId || length < 0 || length > SegmentFormat.MAX_PAYLOAD
          || q + JournalRecordFormat.recordSize(length) > end) {
        continue;
      }
      if (!fill(q, JournalRecordFormat.recordSize(length))) {
        continue;
      }
      i = (int) (q - bufStart);
      if (JournalRecordFormat.crcMatches(check, buf.array(), i, length)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZero(byte[] a, int off, int n) {
    for (int k = off; k < off + n; k++) {
      if (a[k] != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean restIsZero(long pos) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    long p = pos;
    while (true) {
      chunk.clear();
      int r = channel.read(chunk, p);
      if (r <= 0) {
        return true;
      }
      for (int k = 0; k < r; k++) {
        if (chunk.get(k) != 0) {
          return false;
        }
      }
      p += r;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
