package io.quire.jobs.revenue;

import io.quire.jobs.mr.Tsv;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Sums per key and writes each kind to its own directory (MultipleOutputs):
 * <pre>
 * day/part-r-*, month/part-r-*:  period  orders  completed  cancelled  refunded  units
 *                                revenue_cents  avg_order_cents  cancelled_rate  refunded_rate
 * category/part-r-*:             category  month  orders  units  revenue_cents
 * </pre>
 * orders counts every valid order; average order value is revenue / completed, rounded down;
 * rates are shares of all valid orders with 4 decimals.
 */
public final class RevenueReducer extends Reducer<Text, RevenueWritable, NullWritable, Text> {
  static final String DAY = "day";
  static final String MONTH = "month";
  static final String CATEGORY = "category";

  private final RevenueWritable sum = new RevenueWritable();
  private final Text line = new Text();
  private MultipleOutputs<NullWritable, Text> out;

  @Override
  protected void setup(Context ctx) {
    out = new MultipleOutputs<>(ctx);
  }

  @Override
  protected void reduce(Text key, Iterable<RevenueWritable> values, Context ctx)
      throws IOException, InterruptedException {
    sum.clear();
    for (RevenueWritable v : values) {
      sum.add(v);
    }
    String k = key.toString();
    int tab = k.indexOf('\t');
    String kind = k.substring(0, tab);
    String rest = k.substring(tab + 1);
    if (kind.equals(CATEGORY)) {
      line.set(Tsv.row(rest, sum.completed, sum.units, sum.cents));
    } else {
      long total = sum.completed + sum.cancelled + sum.refunded;
      line.set(Tsv.row(rest, total, sum.completed, sum.cancelled, sum.refunded, sum.units,
          sum.cents, sum.completed == 0 ? 0 : sum.cents / sum.completed,
          Tsv.ratio(sum.cancelled / (double) total, 4),
          Tsv.ratio(sum.refunded / (double) total, 4)));
    }
    out.write(NullWritable.get(), line, kind + "/part");
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    out.close();
  }
}
