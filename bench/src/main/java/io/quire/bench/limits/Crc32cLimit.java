package io.quire.bench.limits;

import io.quire.bench.history.Limit;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.util.DataChecksum;

/**
 * CRC32C rate on one core through the path Quire's client and DataNodes use:
 * {@code DataChecksum} CRC32C over 512-byte chunks ({@code calculateChunkedSums} of a 1 MiB
 * heap buffer, as a packet's worth at a time).
 */
public final class Crc32cLimit {
  public static final String NAME = "CRC32C (DataChecksum, 512 B chunks)";

  private Crc32cLimit() {}

  public static Limit measure(long millis) throws Exception {
    DataChecksum sum = DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512);
    byte[] data = new byte[1 << 20];
    ThreadLocalRandom.current().nextBytes(data);
    ByteBuffer in = ByteBuffer.wrap(data);
    ByteBuffer sums = ByteBuffer.allocate(data.length / 512 * sum.getChecksumSize());
    double bytesPerSecond = Timed.rate(millis, () -> {
      in.clear();
      sums.clear();
      sum.calculateChunkedSums(in, sums);
      return data.length;
    });
    return new Limit(NAME, "MB/s", bytesPerSecond / 1e6,
        "DataChecksum CRC32C, 512-byte chunks, 1 MiB buffers, one thread");
  }
}
