package io.quire.jobs.input;

import io.quire.jobs.model.MalformedOrderException;
import io.quire.jobs.model.OrderAvroCodec;
import io.quire.jobs.model.OrderSchemas;
import java.io.IOException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads the orders of one split of an Avro archive file: starts at the first sync marker at or
 * after the split start and stops at the first sync marker past its end, so every block is read
 * by exactly one split. Key: the record's ordinal within the split.
 */
public final class AvroOrderRecordReader extends RecordReader<LongWritable, OrderRecord> {
  private final OrderAvroCodec codec = new OrderAvroCodec();
  private final LongWritable key = new LongWritable();
  private final OrderRecord value = new OrderRecord();
  private DataFileReader<GenericRecord> reader;
  private FsSeekableInput input;
  private GenericRecord record;
  private long start;
  private long end;
  private Path path;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext ctx) throws IOException {
    FileSplit fs = (FileSplit) split;
    path = fs.getPath();
    input = new FsSeekableInput(path.getFileSystem(ctx.getConfiguration()), path);
    reader = new DataFileReader<>(input, new GenericDatumReader<>(OrderSchemas.order()));
    start = fs.getStart();
    end = start + fs.getLength();
    reader.sync(start);
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (!reader.hasNext() || reader.pastSync(end)) {
      return false;
    }
    record = reader.next(record);
    key.set(key.get() + 1);
    try {
      value.setOrder(codec.fromRecord(record));
    } catch (MalformedOrderException e) {
      value.setMalformed(e.reason(), path.getName() + "\t" + record);
    }
    return true;
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public OrderRecord getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    if (end == start) {
      return 1f;
    }
    return Math.min(1f, (input.tell() - start) / (float) (end - start));
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
