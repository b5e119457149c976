package io.quire.jobs.customers;

import io.quire.jobs.mr.Tsv;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * One row per customer with at least one completed order:
 * {@code user_id orders spend_cents first_order last_order recency_days R F M segment}, dates
 * UTC; recency counted in whole days up to the as-of day ({@value #AS_OF_KEY}, epoch day).
 * Counts customers, repeat customers and segments in counters ({@link CustomerCounters},
 * group {@value #SEGMENT_GROUP}).
 */
public final class CustomerReducer
    extends Reducer<LongWritable, CustomerWritable, NullWritable, Text> {
  public static final String AS_OF_KEY = "quire.jobs.customers.as-of-epoch-day";
  public static final String SEGMENT_GROUP = "Customer segments";

  private final CustomerWritable sum = new CustomerWritable();
  private final Text line = new Text();
  private long asOfDay;

  @Override
  protected void setup(Context ctx) {
    asOfDay = ctx.getConfiguration().getLong(AS_OF_KEY, LocalDate.now(ZoneOffset.UTC)
        .toEpochDay());
  }

  @Override
  protected void reduce(LongWritable user, Iterable<CustomerWritable> values, Context ctx)
      throws IOException, InterruptedException {
    sum.clear();
    for (CustomerWritable v : values) {
      sum.add(v);
    }
    LocalDate first = day(sum.first);
    LocalDate last = day(sum.last);
    long recency = asOfDay - last.toEpochDay();
    int r = Rfm.recency(recency);
    int f = Rfm.frequency(sum.orders);
    int m = Rfm.monetary(sum.cents);
    String segment = Rfm.segment(r, f);
    ctx.getCounter(CustomerCounters.CUSTOMERS).increment(1);
    if (sum.orders >= 2) {
      ctx.getCounter(CustomerCounters.REPEAT_CUSTOMERS).increment(1);
    }
    ctx.getCounter(CustomerCounters.SPEND_CENTS).increment(sum.cents);
    ctx.getCounter(SEGMENT_GROUP, segment).increment(1);
    line.set(Tsv.row(user.get(), sum.orders, sum.cents, first, last, recency, r, f, m, segment));
    ctx.write(NullWritable.get(), line);
  }

  private static LocalDate day(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
