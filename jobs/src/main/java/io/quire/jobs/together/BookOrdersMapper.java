package io.quire.jobs.together;

import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderStatus;
import io.quire.jobs.mr.OrderMapper;
import java.io.IOException;
import java.util.TreeSet;
import org.apache.hadoop.io.LongWritable;

/** Stage 1: each distinct book of a completed order -> 1 (orders containing the book). */
public final class BookOrdersMapper extends OrderMapper<LongWritable, LongWritable> {
  private static final LongWritable ONE = new LongWritable(1);
  private final LongWritable book = new LongWritable();

  @Override
  protected void mapOrder(Order o, Context ctx) throws IOException, InterruptedException {
    if (o.status() != OrderStatus.COMPLETED) {
      return;
    }
    TreeSet<Long> distinct = new TreeSet<>();
    for (LineItem li : o.items()) {
      distinct.add(li.bookId());
    }
    for (long b : distinct) {
      book.set(b);
      ctx.write(book, ONE);
    }
  }
}
