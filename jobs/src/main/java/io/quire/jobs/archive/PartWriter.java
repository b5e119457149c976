package io.quire.jobs.archive;

import io.quire.jobs.model.LineItem;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes the orders of one archive part file; {@link #close} completes the file. */
public interface PartWriter extends Closeable {

  /** Appends one order; fields are written raw so invalid records can be archived as-is. */
  void write(long orderId, long userId, long placedAt, String status, String city,
      List<LineItem> items) throws IOException;

  /** Appends a line that is not an order at all (JSON Lines only; broken export lines). */
  void writeGarbage(String line) throws IOException;

  /** The file extension of parts written by this kind of writer. */
  String extension();
}
