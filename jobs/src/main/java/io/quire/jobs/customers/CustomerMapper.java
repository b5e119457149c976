package io.quire.jobs.customers;

import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderStatus;
import io.quire.jobs.mr.OrderMapper;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;

/** Completed order -> {@code user_id -> (1, total cents, placed_at, placed_at)}. */
public final class CustomerMapper extends OrderMapper<LongWritable, CustomerWritable> {
  private final LongWritable user = new LongWritable();

  @Override
  protected void mapOrder(Order o, Context ctx) throws IOException, InterruptedException {
    if (o.status() != OrderStatus.COMPLETED) {
      return;
    }
    user.set(o.userId());
    ctx.write(user, new CustomerWritable(1, o.totalCents(), o.placedAtMillis(),
        o.placedAtMillis()));
  }
}
