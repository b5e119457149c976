package io.quire.jobs.together;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Stage 1 output: {@code book_id<TAB>orders containing it}. */
public final class BookOrdersReducer extends Reducer<LongWritable, LongWritable, NullWritable,
    Text> {
  private final Text line = new Text();

  @Override
  protected void reduce(LongWritable book, Iterable<LongWritable> ones, Context ctx)
      throws IOException, InterruptedException {
    long n = 0;
    for (LongWritable v : ones) {
      n += v.get();
    }
    line.set(book.get() + "\t" + n);
    ctx.write(NullWritable.get(), line);
  }
}
