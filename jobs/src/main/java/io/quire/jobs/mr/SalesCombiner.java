package io.quire.jobs.mr;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Sums {@link SalesWritable}s per key on the map side. */
public final class SalesCombiner extends Reducer<Text, SalesWritable, Text, SalesWritable> {
  private final SalesWritable sum = new SalesWritable();

  @Override
  protected void reduce(Text key, Iterable<SalesWritable> values, Context ctx)
      throws IOException, InterruptedException {
    sum.set(0, 0, 0);
    for (SalesWritable v : values) {
      sum.add(v);
    }
    ctx.write(key, sum);
  }
}
