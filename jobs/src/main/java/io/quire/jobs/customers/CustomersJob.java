package io.quire.jobs.customers;

import io.quire.jobs.cli.Args;
import io.quire.jobs.archive.ArchiveLayout;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.mr.OrderJobs;
import io.quire.jobs.mr.Tsv;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;

/**
 * Customers: per user orders, spend, first/last order, RFM scores and segment
 * ({@link CustomerReducer}, {@link Rfm}); then {@code OUT/summary.tsv} from the job counters:
 * {@code customers, repeat_customers, repeat_rate, avg_spend_cents, as_of} and
 * {@code segment=NAME} counts. Option {@code --as-of YYYY-MM-DD}; default the day after the
 * newest {@code dt=} partition, or today if the input has none.
 */
public final class CustomersJob extends OrderJobTool {

  @Override
  public String name() {
    return "customers";
  }

  @Override
  protected Set<String> extraOptions() {
    return Set.of("as-of");
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    LocalDate asOf = a.has("as-of") ? LocalDate.parse(a.required("as-of"))
        : defaultAsOf(in.orders());
    Job job = OrderJobs.create(getConf(), "customers (RFM)", in.orders(), in.catalog(), out);
    job.getConfiguration().setLong(CustomerReducer.AS_OF_KEY, asOf.toEpochDay());
    job.setMapperClass(CustomerMapper.class);
    job.setMapOutputKeyClass(LongWritable.class);
    job.setMapOutputValueClass(CustomerWritable.class);
    job.setCombinerClass(CustomerCombiner.class);
    job.setReducerClass(CustomerReducer.class);
    OrderJobs.runToSuccess(job);
    writeSummary(job.getCounters(), asOf, out);
  }

  private LocalDate defaultAsOf(Path orders) throws IOException {
    FileSystem fs = orders.getFileSystem(getConf());
    LocalDate newest = null;
    for (FileStatus st : fs.listStatus(orders)) {
      LocalDate d = ArchiveLayout.partitionDay(st.getPath().getName());
      if (st.isDirectory() && d != null && (newest == null || d.isAfter(newest))) {
        newest = d;
      }
    }
    return newest != null ? newest.plusDays(1) : LocalDate.now(ZoneOffset.UTC);
  }

  private void writeSummary(Counters c, LocalDate asOf, Path out) throws IOException {
    long customers = c.findCounter(CustomerCounters.CUSTOMERS).getValue();
    long repeat = c.findCounter(CustomerCounters.REPEAT_CUSTOMERS).getValue();
    long spend = c.findCounter(CustomerCounters.SPEND_CENTS).getValue();
    FileSystem fs = out.getFileSystem(getConf());
    try (Writer w = new OutputStreamWriter(fs.create(new Path(out, "summary.tsv"), false),
        StandardCharsets.UTF_8)) {
      w.write(Tsv.row("as_of", asOf) + "\n");
      w.write(Tsv.row("customers", customers) + "\n");
      w.write(Tsv.row("repeat_customers", repeat) + "\n");
      w.write(Tsv.row("repeat_rate", Tsv.ratio(customers == 0 ? 0 : repeat / (double) customers,
          4)) + "\n");
      w.write(Tsv.row("avg_spend_cents", customers == 0 ? 0 : spend / customers) + "\n");
      for (String s : Rfm.SEGMENTS) {
        w.write(Tsv.row("segment=" + s,
            c.findCounter(CustomerReducer.SEGMENT_GROUP, s).getValue()) + "\n");
      }
    }
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new CustomersJob(), args));
  }
}
