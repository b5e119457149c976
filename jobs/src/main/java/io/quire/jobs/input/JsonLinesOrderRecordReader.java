package io.quire.jobs.input;

import io.quire.jobs.model.MalformedOrderException;
import io.quire.jobs.model.OrderJsonCodec;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;

/**
 * Reads orders from a JSON Lines export (plain or compressed with any Hadoop codec, e.g. gzip),
 * one order per line; line splitting and decompression are Hadoop's {@link LineRecordReader}.
 * Blank lines are skipped. Key: byte offset of the line.
 */
public final class JsonLinesOrderRecordReader extends RecordReader<LongWritable, OrderRecord> {
  private final LineRecordReader lines = new LineRecordReader();
  private final OrderJsonCodec codec = new OrderJsonCodec();
  private final OrderRecord value = new OrderRecord();

  @Override
  public void initialize(InputSplit split, TaskAttemptContext ctx) throws IOException {
    lines.initialize(split, ctx);
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (lines.nextKeyValue()) {
      String line = lines.getCurrentValue().toString();
      if (line.isBlank()) {
        continue;
      }
      try {
        value.setOrder(codec.parse(line));
      } catch (MalformedOrderException e) {
        value.setMalformed(e.reason(), line);
      }
      return true;
    }
    return false;
  }

  @Override
  public LongWritable getCurrentKey() {
    return lines.getCurrentKey();
  }

  @Override
  public OrderRecord getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    return lines.getProgress();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
