package io.quire.jobs.input;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;

/**
 * {@link OrderInputFormat} packed into fewer splits: a day-partitioned archive has one small file
 * per day, and one map task per file would spend more time starting tasks than reading. Splits
 * grow up to {@value #MAX_SPLIT_KEY} bytes (default {@value #DEFAULT_MAX_SPLIT}).
 */
public class CombinedOrderInputFormat extends CombineFileInputFormat<LongWritable, OrderRecord> {
  public static final String MAX_SPLIT_KEY = "quire.jobs.split.max-bytes";
  public static final long DEFAULT_MAX_SPLIT = 32L * 1024 * 1024;

  @Override
  public java.util.List<InputSplit> getSplits(JobContext job) throws IOException {
    setMaxSplitSize(job.getConfiguration().getLong(MAX_SPLIT_KEY, DEFAULT_MAX_SPLIT));
    return super.getSplits(job);
  }

  @Override
  protected boolean isSplitable(JobContext ctx, Path file) {
    return OrderInputFormat.splittable(ctx, file);
  }

  @Override
  public RecordReader<LongWritable, OrderRecord> createRecordReader(InputSplit split,
      TaskAttemptContext ctx) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, ctx, PartReader.class);
  }

  /** Reads one file chunk of a combined split through {@link OrderInputFormat}. */
  public static final class PartReader
      extends CombineFileRecordReaderWrapper<LongWritable, OrderRecord> {
    public PartReader(CombineFileSplit split, TaskAttemptContext ctx, Integer idx)
        throws IOException, InterruptedException {
      super(new OrderInputFormat(), split, ctx, idx);
    }
  }
}
