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
 * {@link SegmentFormat}. {@link #next} returns null at the end of the whole records; it can be
 * called again later to pick up records appended since (tailing). Never modifies the file.
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
  private boolean headerRead;
  private long validEnd = SegmentFormat.HEADER_SIZE;
  private long nextTxId;
  private long lastEpoch;
  private String tornReason;

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
    if (!headerRead) {
      if (!fill(0, SegmentFormat.HEADER_SIZE)) {
        tornReason = channel.size() == 0 ? null : "segment header cut short";
        return null;
      }
      if (restIsZero(0)) {
        tornReason = "zero-filled segment header";
        return null;
      }
      SegmentFormat.checkHeader(buf.duplicate(), file, firstTxId);
      headerRead = true;
    }
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
    JournalRecord record = JournalRecordFormat.decode(a, i);
    if (record.txId() != nextTxId) {
      throw corrupt(pos, "found txid " + record.txId() + " (txids must be consecutive)");
    }
    if (record.epoch() < lastEpoch) {
      throw corrupt(pos, "epoch " + record.epoch() + " is below the previous record's epoch "
          + lastEpoch);
    }
    validEnd = pos + recordSize;
    nextTxId++;
    lastEpoch = record.epoch();
    return record;
  }

  /** Why the last {@link #next} returned null: null for a clean end, else the torn-tail reason. */
  String tornReason() {
    return tornReason;
  }

  /** Offset just past the last whole record read (the header size if none). */
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
