package io.quire.jobs.together;

import io.quire.jobs.cli.Args;
import io.quire.jobs.mr.OrderCounters;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.mr.OrderJobs;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.reduce.LongSumReducer;
import org.apache.hadoop.util.ToolRunner;

/**
 * Bought together, two chained jobs: (1) orders containing each book ({@code OUT/item-counts},
 * {@code book_id<TAB>orders}; N = completed orders from its counter), (2) co-occurrence stripes
 * with a combiner, scored into support, confidence and lift ({@link PairsReducer}:
 * {@code OUT/pairs/}, {@code OUT/companions/}). Options {@code --min-count C} (default 3) and
 * {@code --companions K} (default 5).
 */
public final class BoughtTogetherJob extends OrderJobTool {

  @Override
  public String name() {
    return "bought-together";
  }

  @Override
  protected Set<String> extraOptions() {
    return Set.of("min-count", "companions");
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    Path counts = new Path(out, "item-counts");
    Job items = OrderJobs.create(getConf(), "bought-together: orders per book", in.orders(),
        in.catalog(), counts);
    items.setMapperClass(BookOrdersMapper.class);
    items.setMapOutputKeyClass(LongWritable.class);
    items.setMapOutputValueClass(LongWritable.class);
    items.setCombinerClass(LongSumReducer.class);
    items.setReducerClass(BookOrdersReducer.class);
    OrderJobs.runToSuccess(items);
    long n = items.getCounters().findCounter(OrderCounters.COMPLETED).getValue();

    Job pairs = OrderJobs.create(getConf(), "bought-together: stripes", in.orders(),
        in.catalog(), new Path(out, "stripes"));
    pairs.getConfiguration().set(PairsReducer.ITEM_COUNTS_KEY,
        counts.getFileSystem(getConf()).makeQualified(counts).toString());
    pairs.getConfiguration().setLong(PairsReducer.ORDERS_KEY, n);
    pairs.getConfiguration().setLong(PairsReducer.MIN_COUNT_KEY, a.getLong("min-count", 3));
    pairs.getConfiguration().setInt(PairsReducer.TOP_KEY, (int) a.getLong("companions", 5));
    pairs.setMapperClass(StripesMapper.class);
    pairs.setMapOutputKeyClass(LongWritable.class);
    pairs.setMapOutputValueClass(StripeWritable.class);
    pairs.setCombinerClass(StripesCombiner.class);
    pairs.setReducerClass(PairsReducer.class);
    OrderJobs.runToSuccess(pairs);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new BoughtTogetherJob(), args));
  }
}
