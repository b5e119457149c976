package io.quire.jobs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * The versioned Avro schemas of the order archive, read from {@code src/main/avro}
 * ({@code order-v1.avsc}). Every archive file carries {@link #VERSION_META_KEY} in its header so
 * a reader can tell which version wrote it.
 */
public final class OrderSchemas {
  /** Current archive schema version. */
  public static final int CURRENT_VERSION = 1;
  /** Avro file metadata key holding the schema version as a decimal string. */
  public static final String VERSION_META_KEY = "quire.bookstore.schema.version";

  private static final Schema ORDER_V1 = load("order-v1.avsc");

  private OrderSchemas() {
  }

  /** Schema of the current version. */
  public static Schema order() {
    return ORDER_V1;
  }

  private static Schema load(String name) {
    try (InputStream in = OrderSchemas.class.getResourceAsStream("/io/quire/jobs/avro/" + name)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the jar: " + name);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading schema " + name, e);
    }
  }
}
