package io.quire.jobs.unit;

import io.quire.jobs.input.OrderRecord;
import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.MalformedReason;
import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.LongWritable;

/** Input records for mapper unit tests. */
final class Orders {
  static final long MAR_10 = Instant.parse("2025-03-10T12:00:00Z").toEpochMilli();
  static final long APR_02 = Instant.parse("2025-04-02T08:30:00Z").toEpochMilli();

  private Orders() {
  }

  static Map.Entry<LongWritable, OrderRecord> order(long id, long user, long at, OrderStatus st,
      LineItem... items) {
    OrderRecord r = new OrderRecord();
    r.setOrder(new Order(id, user, at, st, "Lyon", List.of(items)));
    return Map.entry(new LongWritable(id), r);
  }

  static Map.Entry<LongWritable, OrderRecord> bad(MalformedReason why, String raw) {
    OrderRecord r = new OrderRecord();
    r.setMalformed(why, raw);
    return Map.entry(new LongWritable(-1), r);
  }

  static LineItem item(long book, int qty, long cents) {
    return new LineItem(book, qty, cents);
  }
}
