package io.quire.jobs.archive;

import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.OrderAvroCodec;
import io.quire.jobs.model.OrderSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * One Avro container file of orders (schema {@link OrderSchemas#order()}, header metadata
 * {@link OrderSchemas#VERSION_META_KEY}), blocks compressed with deflate or snappy and separated
 * by a 16-byte sync marker, so the file is splittable. The sync marker is derived from a seed
 * (Avro picks a random one by default): the same seed writes the same bytes.
 */
public final class AvroPartWriter implements PartWriter {
  /** Bytes of serialized records per block before compression. */
  public static final int SYNC_INTERVAL = 64 * 1024;

  private final DataFileWriter<GenericRecord> writer;
  private final OrderAvroCodec codec = new OrderAvroCodec();

  /**
   * @param codecName {@code deflate} or {@code snappy}
   * @param syncSeed seed of the sync marker
   */
  public AvroPartWriter(OutputStream out, String codecName, long syncSeed) throws IOException {
    byte[] sync = new byte[16];
    new Random(syncSeed).nextBytes(sync);
    writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(OrderSchemas.order()));
    writer.setCodec(codec(codecName));
    writer.setSyncInterval(SYNC_INTERVAL);
    writer.setMeta(OrderSchemas.VERSION_META_KEY, Integer.toString(OrderSchemas.CURRENT_VERSION));
    writer.create(OrderSchemas.order(), out, sync);
  }

  static CodecFactory codec(String name) {
    switch (name) {
      case "deflate":
        return CodecFactory.deflateCodec(6);
      case "snappy":
        return CodecFactory.snappyCodec();
      case "null":
        return CodecFactory.nullCodec();
      default:
        throw new IllegalArgumentException("unknown Avro codec '" + name
            + "' (deflate, snappy, null)");
    }
  }

  @Override
  public void write(long orderId, long userId, long placedAt, String status, String city,
      List<LineItem> items) throws IOException {
    writer.append(codec.toRecord(orderId, userId, placedAt, status, city, items));
  }

  @Override
  public void writeGarbage(String line) {
    throw new UnsupportedOperationException("an Avro archive holds only schema-valid records");
  }

  @Override
  public String extension() {
    return "avro";
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
