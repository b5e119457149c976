package io.quire.jobs.archive;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Directory layout of a bookstore archive under a root such as {@code quire:///bookstore}:
 * <pre>
 * ROOT/orders/dt=YYYY-MM-DD/part-NNNNN.avro        Avro container files, schema v1
 * ROOT/orders/dt=YYYY-MM-DD/part-NNNNN.jsonl.gz    or JSON Lines exports (gzip optional)
 * ROOT/catalog/books.csv                           the book catalog
 * ROOT/users/users.csv                             registered users
 * </pre>
 * Every file is written once and never modified.
 */
public final class ArchiveLayout {
  public static final String ORDERS = "orders";
  public static final String PARTITION_PREFIX = "dt=";

  private final Path root;

  public ArchiveLayout(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path orders() {
    return new Path(root, ORDERS);
  }

  public Path catalog() {
    return new Path(root, "catalog/books.csv");
  }

  public Path users() {
    return new Path(root, "users/users.csv");
  }

  public Path partition(LocalDate day) {
    return new Path(orders(), PARTITION_PREFIX + day);
  }

  /** {@code part-NNNNN.<extension>} in the day's partition. */
  public Path partFile(LocalDate day, int part, String extension) {
    return new Path(partition(day), String.format("part-%05d.%s", part, extension));
  }

  /** The day of a partition directory name, or null if the name is not {@code dt=YYYY-MM-DD}. */
  public static LocalDate partitionDay(String dirName) {
    if (!dirName.startsWith(PARTITION_PREFIX)) {
      return null;
    }
    try {
      return LocalDate.parse(dirName.substring(PARTITION_PREFIX.length()));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
