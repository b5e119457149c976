package io.quire.jobs.together;

import io.quire.jobs.mr.Tsv;
import io.quire.jobs.mr.TsvFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Stage 2 reducer: merges a book's stripes and, with N (completed orders) and the per-book order
 * counts of stage 1, writes for every companion seen in at least {@value #MIN_COUNT_KEY} orders:
 * <pre>
 * pairs/part-r-*       book_a  book_b  orders_ab  support  confidence_a_b  confidence_b_a  lift
 *                      (once per pair, book_a &lt; book_b)
 * companions/part-r-*  book  rank  companion  orders_ab  confidence  lift   (top K per book by
 *                      orders_ab, ties by companion id)
 * </pre>
 * support = n_ab / N (6 decimals); confidence a->b = n_ab / n_a; lift = n_ab * N / (n_a * n_b)
 * (4 decimals).
 */
public final class PairsReducer extends Reducer<LongWritable, StripeWritable, NullWritable, Text> {
  public static final String ITEM_COUNTS_KEY = "quire.jobs.together.item-counts";
  public static final String ORDERS_KEY = "quire.jobs.together.orders";
  public static final String MIN_COUNT_KEY = "quire.jobs.together.min-count";
  public static final String TOP_KEY = "quire.jobs.together.companions";

  private final Map<Long, Long> itemOrders = new HashMap<>();
  private final StripeWritable sum = new StripeWritable();
  private final Text line = new Text();
  private MultipleOutputs<NullWritable, Text> out;
  private long n;
  private long minCount;
  private int top;

  @Override
  protected void setup(Context ctx) throws IOException {
    Configuration c = ctx.getConfiguration();
    for (String[] r : TsvFiles.read(c, new Path(c.get(ITEM_COUNTS_KEY)))) {
      itemOrders.put(Long.parseLong(r[0]), Long.parseLong(r[1]));
    }
    n = c.getLong(ORDERS_KEY, 0);
    minCount = c.getLong(MIN_COUNT_KEY, 3);
    top = c.getInt(TOP_KEY, 5);
    out = new MultipleOutputs<>(ctx);
  }

  @Override
  protected void reduce(LongWritable book, Iterable<StripeWritable> stripes, Context ctx)
      throws IOException, InterruptedException {
    sum.clear();
    for (StripeWritable s : stripes) {
      sum.addAll(s);
    }
    long a = book.get();
    long na = itemOrders.get(a);
    List<long[]> companions = new ArrayList<>();
    for (Map.Entry<Long, Long> e : sum.counts().entrySet()) {
      long b = e.getKey();
      long nab = e.getValue();
      if (nab < minCount) {
        continue;
      }
      long nb = itemOrders.get(b);
      companions.add(new long[] {b, nab, nb});
      if (a < b) {
        line.set(Tsv.row(a, b, nab, Tsv.ratio(nab / (double) n, 6),
            Tsv.ratio(nab / (double) na, 4), Tsv.ratio(nab / (double) nb, 4),
            Tsv.ratio(lift(nab, na, nb), 4)));
        out.write(NullWritable.get(), line, "pairs/part");
      }
    }
    companions.sort((x, y) -> x[1] != y[1] ? Long.compare(y[1], x[1]) : Long.compare(x[0], y[0]));
    for (int i = 0; i < Math.min(top, companions.size()); i++) {
      long[] c = companions.get(i);
      line.set(Tsv.row(a, i + 1, c[0], c[1], Tsv.ratio(c[1] / (double) na, 4),
          Tsv.ratio(lift(c[1], na, c[2]), 4)));
      out.write(NullWritable.get(), line, "companions/part");
    }
  }

  private double lift(long nab, long na, long nb) {
    return (double) nab * n / ((double) na * nb);
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    out.close();
  }
}
