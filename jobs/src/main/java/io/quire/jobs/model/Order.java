package io.quire.jobs.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One bookstore order as the jobs see it after parsing (Avro archive or JSON Lines export).
 * Times are UTC milliseconds; money is long cents.
 */
public record Order(long orderId, long userId, long placedAtMillis, OrderStatus status, String city,
    List<LineItem> items) {

  public Order {
    items = List.copyOf(items);
  }

  /** The UTC calendar day the order was placed on. */
  public LocalDate day() {
    return Instant.ofEpochMilli(placedAtMillis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Sum of all line totals in cents, whatever the status. */
  public long totalCents() {
    long sum = 0;
    for (LineItem li : items) {
      sum += li.totalCents();
    }
    return sum;
  }

  /** Sum of all quantities. */
  public int units() {
    int sum = 0;
    for (LineItem li : items) {
      sum += li.quantity();
    }
    return sum;
  }
}
