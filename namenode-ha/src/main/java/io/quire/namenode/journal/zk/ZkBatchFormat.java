package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalRecordFormat;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The data of one batch znode, version {@value #VERSION}.
 *
 * <pre>
 * batch  := header record{recordCount}
 * header := magic "QZKB" (4 ASCII bytes) | int version | long epoch | long firstTxId
 *           | int recordCount | int headerCrc32c                                 (32 bytes)
 * record := int payloadLength | int crc32c | long txId | long epoch | payload    (24 + n bytes)
 * </pre>
 * Integers are big-endian. {@code headerCrc32c} ({@link CRC32C}) covers the 28 header bytes
 * before it. Records are in the layout of {@link JournalRecordFormat}, exactly as in a segment
 * file (each with its own CRC32C over txId, epoch and payload). A batch holds at least one
 * record; its records have consecutive txids from {@code firstTxId}, which is also the batch
 * znode's name, and all carry the header's epoch (one writer wrote the batch with one multi).
 * The data ends with the last record.
 *
 * <p>ZooKeeper stores a znode whole or not at all, so there is no torn tail: any mismatch
 * (magic, header CRC, a record CRC, a txid, an epoch, a length, trailing bytes) is
 * corruption, and readers refuse to go past it.
 */
final class ZkBatchFormat {
  static final int VERSION = 1;
  static final byte[] MAGIC = {'Q', 'Z', 'K', 'B'};
  static final int HEADER_SIZE = 32;
  private static final int HEADER_CRC_OFFSET = 28;

  private ZkBatchFormat() {}

  /**
   * The data of a batch of {@code recordCount} records, {@code records[off, off + len)} in
   * record layout with txids from {@code firstTxId}, written by epoch {@code epoch}.
   */
  static byte[] encode(long epoch, long firstTxId, int recordCount, byte[] records, int off,
      int len) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + len);
    b.put(MAGIC).putInt(VERSION).putLong(epoch).putLong(firstTxId).putInt(recordCount);
    b.putInt(headerCrc(b.array()));
    b.put(records, off, len);
    return b.array();
  }

  /** Validates the header of the batch znode {@code path}, named by {@code expectedFirstTxId}. */
  static ZkBatchHeader decodeHeader(String path, long expectedFirstTxId, byte[] data)
      throws IOException {
    if (data.length < HEADER_SIZE) {
      throw corrupt(path, "its " + data.length + " bytes are shorter than a batch header");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        throw corrupt(path, "no QZKB magic: not a journal batch, or damaged");
      }
    }
    int version = b.getInt(4);
    if (version != VERSION) {
      throw new IncompatibleStorageException("Journal batch znode " + path + " has format version "
          + version + "; this NameNode reads only version " + VERSION);
    }
    if (b.getInt(HEADER_CRC_OFFSET) != headerCrc(data)) {
      throw corrupt(path, "header CRC32C mismatch");
    }
    ZkBatchHeader h = new ZkBatchHeader(b.getLong(8), b.getLong(16), b.getInt(24));
    if (h.firstTxId() != expectedFirstTxId) {
      throw corrupt(path, "header says first txid " + h.firstTxId() + " but the name says "
          + expectedFirstTxId);
    }
    if (h.recordCount() < 1) {
      throw corrupt(path, "record count " + h.recordCount());
    }
    return h;
  }

  /** Validates the whole batch znode {@code path} and returns its records in txid order. */
  static List<JournalRecord> decode(String path, long expectedFirstTxId, byte[] data)
      throws IOException {
    ZkBatchHeader h = decodeHeader(path, expectedFirstTxId, data);
    CRC32C crc = new CRC32C();
    List<JournalRecord> out = new ArrayList<>(h.recordCount());
    int off = HEADER_SIZE;
    for (int k = 0; k < h.recordCount(); k++) {
      long expected = h.firstTxId() + k;
      if (data.length - off < JournalRecordFormat.HEADER_SIZE) {
        throw corrupt(path, "ends inside the header of record txid " + expected);
      }
      int length = JournalRecordFormat.payloadLength(data, off);
      if (length < 0 || length > data.length - off - JournalRecordFormat.HEADER_SIZE) {
        throw corrupt(path, "record txid " + expected + " at offset " + off
            + " has an impossible payload length " + length);
      }
      if (!JournalRecordFormat.crcMatches(crc, data, off, length)) {
        throw corrupt(path, "record txid " + expected + " at offset " + off
            + " fails its CRC32C");
      }
      JournalRecord r = JournalRecordFormat.decode(data, off);
      if (r.txId() != expected || r.epoch() != h.epoch()) {
        throw corrupt(path, "record at offset " + off + " has txid " + r.txId() + " epoch "
            + r.epoch() + "; expected txid " + expected + " epoch " + h.epoch());
      }
      out.add(r);
      off += JournalRecordFormat.recordSize(length);
    }
    if (off != data.length) {
      throw corrupt(path, (data.length - off) + " bytes after the last record");
    }
    return out;
  }

  private static int headerCrc(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data, 0, HEADER_CRC_OFFSET);
    return (int) crc.getValue();
  }

  private static CorruptJournalException corrupt(String path, String what) {
    return new CorruptJournalException("Corrupt journal batch znode " + path + ": " + what
        + "; refusing to replay past it");
  }
}
