package io.quire.jobs.authors;

import io.quire.jobs.model.Book;
import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderStatus;
import io.quire.jobs.mr.OrderMapper;
import io.quire.jobs.mr.SalesWritable;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.io.Text;

/**
 * Map-side join of order lines with the cached catalog: per completed order and per distinct
 * author and publisher in it, {@code author<TAB>NAME} / {@code publisher<TAB>NAME} ->
 * (units, cents, 1).
 */
public final class AuthorPublisherMapper extends OrderMapper<Text, SalesWritable> {
  private final Text key = new Text();
  private final SalesWritable value = new SalesWritable();

  @Override
  protected void mapOrder(Order o, Context ctx) throws IOException, InterruptedException {
    if (o.status() != OrderStatus.COMPLETED) {
      return;
    }
    Map<String, long[]> sums = new TreeMap<>();
    for (LineItem li : o.items()) {
      Book b = catalog().get(li.bookId());
      add(sums, "author\t" + b.author(), li);
      add(sums, "publisher\t" + b.publisher(), li);
    }
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      key.set(e.getKey());
      value.set(e.getValue()[0], e.getValue()[1], 1);
      ctx.write(key, value);
    }
  }

  private static void add(Map<String, long[]> sums, String k, LineItem li) {
    long[] s = sums.computeIfAbsent(k, x -> new long[2]);
    s[0] += li.quantity();
    s[1] += li.totalCents();
  }
}
