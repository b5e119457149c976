package io.quire.namenode.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Builds segment files byte by byte, to craft damage the writer never produces. */
final class RawSegments {
  private RawSegments() {}

  static byte[] record(long txId, long epoch, byte[] payload) {
    byte[] header = new byte[SegmentFormat.RECORD_HEADER_SIZE];
    SegmentFormat.encodeRecordHeader(new CRC32C(), header, txId, epoch, payload);
    return ByteBuffer.allocate(header.length + payload.length).put(header).put(payload).array();
  }

  static void write(Path file, long firstTxId, byte[]... records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = SegmentFormat.header(firstTxId);
    out.write(header.array(), 0, header.limit());
    for (byte[] r : records) {
      out.write(r);
    }
    Files.write(file, out.toByteArray());
  }

  static Path inProgress(Path dir, long firstTxId) {
    return dir.resolve(SegmentFile.inProgressName(firstTxId));
  }

  static Path finished(Path dir, long firstTxId, long lastTxId) {
    return dir.resolve(SegmentFile.finishedName(firstTxId, lastTxId));
  }
}
