package io.quire.jobs.revenue;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Sums {@link RevenueWritable}s per key on the map side. */
public final class RevenueCombiner extends Reducer<Text, RevenueWritable, Text, RevenueWritable> {
  private final RevenueWritable sum = new RevenueWritable();

  @Override
  protected void reduce(Text key, Iterable<RevenueWritable> values, Context ctx)
      throws IOException, InterruptedException {
    sum.clear();
    for (RevenueWritable v : values) {
      sum.add(v);
    }
    ctx.write(key, sum);
  }
}
