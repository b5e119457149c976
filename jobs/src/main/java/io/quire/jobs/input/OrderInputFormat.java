package io.quire.jobs.input;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Orders from an archive directory, by file name: {@code *.avro} through
 * {@link AvroOrderRecordReader} (splittable at sync markers), everything else as JSON Lines
 * through {@link JsonLinesOrderRecordReader} (splittable unless compressed with a
 * non-splittable codec such as gzip).
 */
public class OrderInputFormat extends FileInputFormat<LongWritable, OrderRecord> {

  static boolean isAvro(Path p) {
    return p.getName().endsWith(".avro");
  }

  @Override
  public RecordReader<LongWritable, OrderRecord> createRecordReader(InputSplit split,
      TaskAttemptContext ctx) {
    Path p = ((org.apache.hadoop.mapreduce.lib.input.FileSplit) split).getPath();
    return isAvro(p) ? new AvroOrderRecordReader() : new JsonLinesOrderRecordReader();
  }

  @Override
  protected boolean isSplitable(JobContext ctx, Path file) {
    return splittable(ctx, file);
  }

  static boolean splittable(JobContext ctx, Path file) {
    if (isAvro(file)) {
      return true;
    }
    CompressionCodec c = new CompressionCodecFactory(ctx.getConfiguration()).getCodec(file);
    return c == null || c instanceof SplittableCompressionCodec;
  }

  /** Reads a single split; convenience for tools outside MapReduce. */
  public static RecordReader<LongWritable, OrderRecord> open(InputSplit split,
      TaskAttemptContext ctx) throws IOException, InterruptedException {
    RecordReader<LongWritable, OrderRecord> r = new OrderInputFormat().createRecordReader(split,
        ctx);
    r.initialize(split, ctx);
    return r;
  }
}
