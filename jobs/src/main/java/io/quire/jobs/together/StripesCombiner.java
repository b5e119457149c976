package io.quire.jobs.together;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Reducer;

/** Merges the stripes of one book element-wise on the map side. */
public final class StripesCombiner
    extends Reducer<LongWritable, StripeWritable, LongWritable, StripeWritable> {
  private final StripeWritable sum = new StripeWritable();

  @Override
  protected void reduce(LongWritable book, Iterable<StripeWritable> stripes, Context ctx)
      throws IOException, InterruptedException {
    sum.clear();
    for (StripeWritable s : stripes) {
      sum.addAll(s);
    }
    ctx.write(book, sum);
  }
}
