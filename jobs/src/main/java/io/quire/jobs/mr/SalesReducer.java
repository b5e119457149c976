package io.quire.jobs.mr;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Sums {@link SalesWritable}s per key and writes {@code key<TAB>units<TAB>cents<TAB>orders}. */
public final class SalesReducer extends Reducer<Text, SalesWritable, NullWritable, Text> {
  private final SalesWritable sum = new SalesWritable();
  private final Text line = new Text();

  @Override
  protected void reduce(Text key, Iterable<SalesWritable> values, Context ctx)
      throws IOException, InterruptedException {
    sum.set(0, 0, 0);
    for (SalesWritable v : values) {
      sum.add(v);
    }
    line.set(key + "\t" + sum);
    ctx.write(NullWritable.get(), line);
  }
}
