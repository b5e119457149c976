package io.quire.jobs.together;

import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderStatus;
import io.quire.jobs.mr.OrderMapper;
import java.io.IOException;
import java.util.TreeSet;
import org.apache.hadoop.io.LongWritable;

/**
 * Stage 2 (stripes): for a completed order with distinct books B (|B| >= 2), each a in B emits
 * {@code a -> {b: 1 for b in B, b != a}}.
 */
public final class StripesMapper extends OrderMapper<LongWritable, StripeWritable> {
  private final LongWritable book = new LongWritable();
  private final StripeWritable stripe = new StripeWritable();

  @Override
  protected void mapOrder(Order o, Context ctx) throws IOException, InterruptedException {
    if (o.status() != OrderStatus.COMPLETED) {
      return;
    }
    TreeSet<Long> distinct = new TreeSet<>();
    for (LineItem li : o.items()) {
      distinct.add(li.bookId());
    }
    if (distinct.size() < 2) {
      return;
    }
    for (long a : distinct) {
      stripe.clear();
      for (long b : distinct) {
        if (b != a) {
          stripe.increment(b, 1);
        }
      }
      book.set(a);
      ctx.write(book, stripe);
    }
  }
}
