package io.quire.jobs.bestsellers;

import io.quire.jobs.model.Book;
import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderStatus;
import io.quire.jobs.mr.OrderMapper;
import io.quire.jobs.mr.SalesWritable;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.io.Text;

/**
 * For each completed order, per distinct book: {@code (group<TAB>book_id) -> (units, cents, 1)}
 * for the groups {@code all}, {@code month=YYYY-MM} and {@code category=NAME} (category from the
 * cached catalog).
 */
public final class BookSalesMapper extends OrderMapper<Text, SalesWritable> {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
  private final Text key = new Text();
  private final SalesWritable value = new SalesWritable();

  @Override
  protected void mapOrder(Order o, Context ctx) throws IOException, InterruptedException {
    if (o.status() != OrderStatus.COMPLETED) {
      return;
    }
    Map<Long, long[]> perBook = new LinkedHashMap<>();
    for (LineItem li : o.items()) {
      long[] s = perBook.computeIfAbsent(li.bookId(), k -> new long[2]);
      s[0] += li.quantity();
      s[1] += li.totalCents();
    }
    String month = "month=" + o.day().format(MONTH);
    for (Map.Entry<Long, long[]> e : perBook.entrySet()) {
      Book b = catalog().get(e.getKey());
      value.set(e.getValue()[0], e.getValue()[1], 1);
      emit("all", e.getKey(), ctx);
      emit(month, e.getKey(), ctx);
      emit("category=" + b.category(), e.getKey(), ctx);
    }
  }

  private void emit(String group, long book, Context ctx)
      throws IOException, InterruptedException {
    key.set(group + "\t" + book);
    ctx.write(key, value);
  }
}
