package io.quire.jobs.revenue;

import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.Order;
import io.quire.jobs.mr.OrderMapper;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import org.apache.hadoop.io.Text;

/**
 * Per valid order: {@code day<TAB>YYYY-MM-DD} and {@code month<TAB>YYYY-MM} with the order's
 * status count (and units/cents if completed); for completed orders also
 * {@code category<TAB>NAME<TAB>YYYY-MM} per category in the basket.
 */
public final class RevenueMapper extends OrderMapper<Text, RevenueWritable> {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
  private final Text key = new Text();

  @Override
  protected void mapOrder(Order o, Context ctx) throws IOException, InterruptedException {
    RevenueWritable v;
    switch (o.status()) {
      case COMPLETED:
        v = new RevenueWritable(1, 0, 0, o.units(), o.totalCents());
        break;
      case CANCELLED:
        v = new RevenueWritable(0, 1, 0, 0, 0);
        break;
      default:
        v = new RevenueWritable(0, 0, 1, 0, 0);
    }
    String month = o.day().format(MONTH);
    key.set(RevenueReducer.DAY + "\t" + o.day());
    ctx.write(key, v);
    key.set(RevenueReducer.MONTH + "\t" + month);
    ctx.write(key, v);
    if (v.completed == 0) {
      return;
    }
    TreeMap<String, long[]> perCategory = new TreeMap<>();
    for (LineItem li : o.items()) {
      long[] s = perCategory.computeIfAbsent(catalog().get(li.bookId()).category(),
          k -> new long[2]);
      s[0] += li.quantity();
      s[1] += li.totalCents();
    }
    for (var e : perCategory.entrySet()) {
      key.set(RevenueReducer.CATEGORY + "\t" + e.getKey() + "\t" + month);
      ctx.write(key, new RevenueWritable(1, 0, 0, e.getValue()[0], e.getValue()[1]));
    }
  }
}
