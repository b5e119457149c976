package io.quire.jobs.bestsellers;

import io.quire.jobs.Args;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.mr.OrderJobs;
import io.quire.jobs.mr.SalesCombiner;
import io.quire.jobs.mr.SalesReducer;
import io.quire.jobs.mr.SalesWritable;
import io.quire.jobs.mr.TopN;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;

/**
 * Best sellers: units and revenue per book overall, per month and per category, then the top N
 * of each group by revenue. Two chained jobs; output:
 * <pre>
 * OUT/sales/part-r-*   group  book_id  units  revenue_cents  orders
 * OUT/top/part-r-*     group  rank  book_id  units  revenue_cents  orders
 * OUT/sales/malformed/ rejected records (reason, raw)
 * </pre>
 * Groups: {@code all}, {@code month=YYYY-MM}, {@code category=NAME}. Options: {@code --top N}
 * (default 20).
 */
public final class BestSellersJob extends OrderJobTool {

  @Override
  public String name() {
    return "best-sellers";
  }

  @Override
  protected Set<String> extraOptions() {
    return Set.of("top");
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    Path sales = new Path(out, "sales");
    Job job = OrderJobs.create(getConf(), "best-sellers: sales per book", in.orders(),
        in.catalog(), sales);
    job.setMapperClass(BookSalesMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(SalesWritable.class);
    job.setCombinerClass(SalesCombiner.class);
    job.setReducerClass(SalesReducer.class);
    OrderJobs.runToSuccess(job);
    OrderJobs.runToSuccess(TopN.create(getConf(), "best-sellers: top per group", sales,
        new Path(out, "top"), (int) a.getLong("top", 20)));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new BestSellersJob(), args));
  }
}
