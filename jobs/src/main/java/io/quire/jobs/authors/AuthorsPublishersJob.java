package io.quire.jobs.authors;

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
 * Authors and publishers: order lines joined map-side with the catalog (distributed cache),
 * summed per author and per publisher, then ranked by revenue. Output:
 * <pre>
 * OUT/sales/part-r-*  kind  name  units  revenue_cents  orders     (kind: author | publisher)
 * OUT/top/part-r-*    kind  rank  name  units  revenue_cents  orders
 * </pre>
 * Option {@code --top N} (default 20).
 */
public final class AuthorsPublishersJob extends OrderJobTool {

  @Override
  public String name() {
    return "authors-publishers";
  }

  @Override
  protected Set<String> extraOptions() {
    return Set.of("top");
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    Path sales = new Path(out, "sales");
    Job job = OrderJobs.create(getConf(), "authors-publishers: join and sum", in.orders(),
        in.catalog(), sales);
    job.setMapperClass(AuthorPublisherMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(SalesWritable.class);
    job.setCombinerClass(SalesCombiner.class);
    job.setReducerClass(SalesReducer.class);
    OrderJobs.runToSuccess(job);
    OrderJobs.runToSuccess(TopN.create(getConf(), "authors-publishers: ranking", sales,
        new Path(out, "top"), (int) a.getLong("top", 20)));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new AuthorsPublishersJob(), args));
  }
}
