package io.quire.jobs.revenue;

import io.quire.jobs.cli.Args;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.mr.OrderJobs;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;

/**
 * Revenue over time: per day and per month the orders, units, revenue, average order value and
 * cancellation/refund rates; revenue by category and month. Output layout in
 * {@link RevenueReducer}; rejected records under {@code OUT/malformed/}.
 */
public final class RevenueJob extends OrderJobTool {

  @Override
  public String name() {
    return "revenue";
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    Job job = OrderJobs.create(getConf(), "revenue over time", in.orders(), in.catalog(), out);
    job.setMapperClass(RevenueMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(RevenueWritable.class);
    job.setCombinerClass(RevenueCombiner.class);
    job.setReducerClass(RevenueReducer.class);
    OrderJobs.runToSuccess(job);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new RevenueJob(), args));
  }
}
