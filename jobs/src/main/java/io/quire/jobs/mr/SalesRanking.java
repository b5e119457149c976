package io.quire.jobs.mr;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;

/**
 * The two-job chain shared by the sales rankings (best sellers, authors and publishers): a job
 * summing {@link SalesWritable}s per key emitted by {@code mapper} into {@code OUT/sales}
 * (with a combiner), then {@link TopN} ranking those sums into {@code OUT/top}.
 */
public final class SalesRanking {
  private SalesRanking() {}

  public static void run(Configuration conf, String jobName, String sumStep, String rankStep,
      Class<? extends OrderMapper<Text, SalesWritable>> mapper, OrderJobTool.Inputs in,
      Path out, int top) throws Exception {
    Path sales = new Path(out, "sales");
    Job job = OrderJobs.create(conf, jobName + ": " + sumStep, in.orders(), in.catalog(),
        sales);
    job.setMapperClass(mapper);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(SalesWritable.class);
    job.setCombinerClass(SalesCombiner.class);
    job.setReducerClass(SalesReducer.class);
    OrderJobs.runToSuccess(job);
    OrderJobs.runToSuccess(TopN.create(conf, jobName + ": " + rankStep, sales,
        new Path(out, "top"), top));
  }
}
