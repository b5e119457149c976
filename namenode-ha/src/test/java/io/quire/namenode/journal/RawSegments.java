package io.quire.namenode.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Builds segment files byte by byte, to craft damage the writer never produces: version 1
 * segments (records only, as written before version 2) and version 2 segments (records in
 * chunks). Offsets of what the writer writes are computed with the format's own encoder
 * ({@link #sync}), never hard-coded.
 */
final class RawSegments {
  private RawSegments() {}

  static byte[] record(long txId, long epoch, byte[] payload) {
    byte[] header = new byte[SegmentFormat.RECORD_HEADER_SIZE];
    SegmentFormat.encodeRecordHeader(new CRC32C(), header, txId, epoch, payload);
    return ByteBuffer.allocate(header.length + payload.length).put(header).put(payload).array();
  }

  /** A version 1 segment: the header, then the records as given. */
  static void write(Path file, long firstTxId, byte[]... records) throws IOException {
    writeVersion(file, SegmentFormat.VERSION_1, firstTxId, records);
  }

  /** A version 2 segment: the header, then the chunks as given ({@link #chunk}, {@link #sync}). */
  static void writeV2(Path file, long firstTxId, byte[]... chunks) throws IOException {
    writeVersion(file, SegmentFormat.VERSION, firstTxId, chunks);
  }

  static void writeVersion(Path file, int version, long firstTxId, byte[]... parts)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = SegmentFormat.header(version, firstTxId);
    out.write(header.array(), 0, header.limit());
    for (byte[] p : parts) {
      out.write(p);
    }
    Files.write(file, out.toByteArray());
  }

  /** One chunk holding {@code records} (whole records, see {@link #record}) of a sync. */
  static byte[] chunk(long syncFirstTxId, byte[]... records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[SegmentFormat.CHUNK_HEADER_SIZE]);
    for (byte[] r : records) {
      out.write(r);
    }
    byte[] b = out.toByteArray();
    SegmentFormat.encodeChunkHeader(new CRC32C(), b, 0, b.length - SegmentFormat.CHUNK_HEADER_SIZE,
        syncFirstTxId);
    return b;
  }

  /**
   * The bytes a version 2 writer writes for one sync of {@code payloads} from {@code firstTxId}.
   */
  static byte[] sync(long firstTxId, long epoch, List<byte[]> payloads) throws IOException {
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    long txId = firstTxId;
    for (byte[] p : payloads) {
      records.write(record(txId++, epoch, p));
    }
    ByteBuffer b = SegmentFormat.encodeSync(new CRC32C(), records.toByteArray(), records.size(),
        firstTxId);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static Path inProgress(Path dir, long firstTxId) {
    return dir.resolve(SegmentFile.inProgressName(firstTxId));
  }

  static Path finished(Path dir, long firstTxId, long lastTxId) {
    return dir.resolve(SegmentFile.finishedName(firstTxId, lastTxId));
  }
}
