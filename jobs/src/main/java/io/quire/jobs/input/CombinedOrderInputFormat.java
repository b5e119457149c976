package io.quire.jobs.input;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.PathFilter;
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
  public static final long DEFAULT_MAX_SPLIT = 4L * 1024 * 1024;

  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    setMaxSplitSize(job.getConfiguration().getLong(MAX_SPLIT_KEY, DEFAULT_MAX_SPLIT));
    return super.getSplits(job);
  }

  /**
   * Lists every file under the input directories recursively, skipping names starting with
   * '_' or '.'. Unlike FileInputFormat's listing it builds no LocatedFileStatus, whose
   * permission lookup forks a shell per file on file:// without native Hadoop (4 s for a year
   * of daily partitions); block locations are asked for per file when splitting.
   */
  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (Path dir : getInputPaths(job)) {
      FileSystem fs = dir.getFileSystem(job.getConfiguration());
      FileStatus[] matches = fs.globStatus(dir, VISIBLE);
      if (matches == null || matches.length == 0) {
        throw new FileNotFoundException("order input " + dir + " does not exist");
      }
      for (FileStatus st : matches) {
        collect(fs, st, out);
      }
    }
    return out;
  }

  private static final PathFilter VISIBLE = p -> !p.getName().startsWith("_")
      && !p.getName().startsWith(".");

  private static void collect(FileSystem fs, FileStatus st, List<FileStatus> out)
      throws IOException {
    if (st.isDirectory()) {
      for (FileStatus child : fs.listStatus(st.getPath(), VISIBLE)) {
        collect(fs, child, out);
      }
    } else {
      out.add(st);
    }
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
