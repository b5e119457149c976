package io.quire.jobs.mr;

import io.quire.jobs.input.CombinedOrderInputFormat;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.DefaultCodec;
import io.quire.jobs.model.MalformedReason;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/** Job wiring shared by every job that reads the order archive. */
public final class OrderJobs {
  private OrderJobs() {
  }

  /**
   * A job reading every order file under {@code orders} (recursively, day partitions packed by
   * {@link CombinedOrderInputFormat}), with the catalog in the distributed cache, the
   * {@link OrderMapper#MALFORMED_OUTPUT} side output, compressed map output and TSV text output
   * written lazily (no empty part files).
   */
  public static Job create(Configuration conf, String name, Path orders, Path catalog, Path out)
      throws IOException {
    Job job = Job.getInstance(conf, name);
    job.setJarByClass(OrderJobs.class);
    job.setInputFormatClass(CombinedOrderInputFormat.class);
    FileInputFormat.setInputDirRecursive(job, true);
    FileInputFormat.addInputPath(job, orders);
    CatalogIndex.ship(job, catalog);
    // The LocalJobRunner runs one map at a time unless told otherwise; use both cores.
    setUnlessConfigured(job.getConfiguration(), "mapreduce.local.map.tasks.maximum", "2");
    MultipleOutputs.addNamedOutput(job, OrderMapper.MALFORMED_OUTPUT, TextOutputFormat.class,
        NullWritable.class, Text.class);
    textOutput(job, out);
    return job;
  }

  /** TSV output under {@code out}, lazy, with compressed intermediate data. */
  public static void textOutput(Job job, Path out) {
    Configuration c = job.getConfiguration();
    c.setBooleanIfUnset(MRJobConfig.MAP_OUTPUT_COMPRESS, true);
    if (c.get(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC) == null) {
      c.setClass(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, DefaultCodec.class,
          CompressionCodec.class);
    }
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    FileOutputFormat.setOutputPath(job, out);
  }

  /**
   * One line on stderr with what a job that read orders saw: records, statuses and malformed
   * records per reason. Nothing for jobs that read no orders.
   */
  static void printOrderCounters(Job job) throws IOException {
    Counters c = job.getCounters();
    long records = c.findCounter(OrderCounters.RECORDS).getValue();
    if (records == 0) {
      return;
    }
    StringBuilder why = new StringBuilder();
    for (MalformedReason r : MalformedReason.values()) {
      long n = c.findCounter(r).getValue();
      if (n > 0) {
        why.append(why.length() == 0 ? " (" : ", ").append(r).append('=').append(n);
      }
    }
    System.err.printf(java.util.Locale.ROOT,
        "  %s: %,d records: %,d completed, %,d cancelled, %,d refunded, %,d malformed%s%n",
        job.getJobName(), records, c.findCounter(OrderCounters.COMPLETED).getValue(),
        c.findCounter(OrderCounters.CANCELLED).getValue(),
        c.findCounter(OrderCounters.REFUNDED).getValue(),
        c.findCounter(OrderCounters.MALFORMED).getValue(), why.length() == 0 ? "" : why + ")");
  }

  /** Sets a key unless a user setting (not a *-default.xml value) is already there. */
  static void setUnlessConfigured(Configuration c, String key, String value) {
    String[] sources = c.getPropertySources(key);
    boolean defaultOnly = sources == null
        || java.util.Arrays.stream(sources).allMatch(s -> s.endsWith("-default.xml"));
    if (defaultOnly) {
      c.set(key, value);
    }
  }

  /**
   * Runs the job to completion.
   *
   * @throws JobFailedException if it did not succeed
   */
  public static void runToSuccess(Job job) throws IOException {
    // mapred-default.xml polls for completion every 5 s: most of a small local job's time.
    setUnlessConfigured(job.getConfiguration(), Job.COMPLETION_POLL_INTERVAL_KEY, "100");
    try {
      if (!job.waitForCompletion(false)) {
        throw new JobFailedException("job '" + job.getJobName() + "' (" + job.getJobID()
            + ") failed: " + job.getStatus().getFailureInfo());
      }
      printOrderCounters(job);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailedException("job '" + job.getJobName() + "' interrupted");
    } catch (ClassNotFoundException e) {
      throw new JobFailedException("job '" + job.getJobName() + "': " + e);
    }
  }
}
