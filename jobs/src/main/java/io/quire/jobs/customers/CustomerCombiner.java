package io.quire.jobs.customers;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Reducer;

/** Merges a user's partial aggregates on the map side. */
public final class CustomerCombiner
    extends Reducer<LongWritable, CustomerWritable, LongWritable, CustomerWritable> {
  private final CustomerWritable sum = new CustomerWritable();

  @Override
  protected void reduce(LongWritable user, Iterable<CustomerWritable> values, Context ctx)
      throws IOException, InterruptedException {
    sum.clear();
    for (CustomerWritable v : values) {
      sum.add(v);
    }
    ctx.write(user, sum);
  }
}
