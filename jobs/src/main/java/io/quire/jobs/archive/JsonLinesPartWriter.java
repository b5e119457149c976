package io.quire.jobs.archive;

import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.OrderJsonCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One JSON Lines export file ({@link OrderJsonCodec} format, UTF-8, '\n' separated), optionally
 * gzip-compressed (then not splittable). The gzip header carries no timestamp, so the bytes
 * depend only on the content.
 */
public final class JsonLinesPartWriter implements PartWriter {
  private final BufferedWriter out;
  private final OrderJsonCodec codec = new OrderJsonCodec();
  private final boolean gzip;

  public JsonLinesPartWriter(OutputStream raw, boolean gzip) throws IOException {
    this.gzip = gzip;
    OutputStream s = gzip ? new GZIPOutputStream(raw, 64 * 1024) : raw;
    out = new BufferedWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8), 64 * 1024);
  }

  @Override
  public void write(long orderId, long userId, long placedAt, String status, String city,
      List<LineItem> items) throws IOException {
    out.write(codec.toJson(orderId, userId, placedAt, status, city, items));
    out.write('\n');
  }

  @Override
  public void writeGarbage(String line) throws IOException {
    out.write(line);
    out.write('\n');
  }

  @Override
  public String extension() {
    return gzip ? "jsonl.gz" : "jsonl";
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
