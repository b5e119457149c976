package io.quire.namenode.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/** Checks a checkpoint file against {@link ImageFormat}: header, length and body CRC32C. */
final class ImageVerifier {
  private ImageVerifier() {}

  static Checkpoint verify(Path file, long txId) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < ImageFormat.HEADER_SIZE + ImageFormat.TRAILER_SIZE) {
        throw new CorruptImageException("Checkpoint " + file + " is only " + size
            + " bytes long: truncated");
      }
      ByteBuffer header = ByteBuffer.allocate(ImageFormat.HEADER_SIZE);
      readFully(ch, header, 0);
      long bodyLength = ImageFormat.checkHeader(header, file, txId, size);
      CRC32C crc = new CRC32C();
      ByteBuffer chunk = ByteBuffer.allocate(256 * 1024);
      long pos = ImageFormat.HEADER_SIZE;
      long end = ImageFormat.HEADER_SIZE + bodyLength;
      while (pos < end) {
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), end - pos));
        readFully(ch, chunk, pos);
        chunk.flip();
        crc.update(chunk);
        pos += chunk.limit();
      }
      ByteBuffer trailer = ByteBuffer.allocate(ImageFormat.TRAILER_SIZE);
      readFully(ch, trailer, end);
      int stored = trailer.getInt(0);
      if (stored != (int) crc.getValue()) {
        throw new CorruptImageException("Checkpoint " + file + " fails its CRC32C (stored "
            + Integer.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue())
            + "): damaged");
      }
      return new Checkpoint(file, txId, bodyLength);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    long p = position;
    while (b.hasRemaining()) {
      int r = ch.read(b, p);
      if (r < 0) {
        throw new CorruptImageException("Checkpoint ended early at offset " + p);
      }
      p += r;
    }
  }
}
