package io.quire.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.jobs.archive.AvroPartWriter;
import io.quire.jobs.archive.JsonLinesPartWriter;
import io.quire.jobs.archive.PartWriter;
import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.MalformedReason;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Splitting of archive files: every record is read by exactly one split. */
@Timeout(120)
class OrderInputFormatTest {
  private static File dir;
  private static final int ORDERS = 40_000;

  @BeforeAll
  static void writeFiles() throws Exception {
    dir = TargetDirs.freshFile(OrderInputFormatTest.class, "files");
    for (String name : List.of("big.avro", "big.jsonl", "big.jsonl.gz")) {
      try (FileOutputStream out = new FileOutputStream(new File(dir, name));
          PartWriter w = name.endsWith(".avro") ? new AvroPartWriter(out, "snappy", 1)
              : new JsonLinesPartWriter(out, name.endsWith(".gz"))) {
        for (int i = 1; i <= ORDERS; i++) {
          if (i % 1000 == 0 && !name.endsWith(".avro")) {
            w.writeGarbage("{not json");
          } else {
            w.write(i, i % 97, 1_740_000_000_000L + i, i % 1000 == 0 ? "lost" : "completed",
                "Lyon", List.of(new LineItem(i % 50 + 1, 1, 999)));
          }
        }
      }
    }
  }

  private static List<Long> readAll(String name, long maxSplit) throws Exception {
    Configuration conf = new Configuration();
    Job job = Job.getInstance(conf);
    FileInputFormat.addInputPath(job, new Path(new File(dir, name).toURI()));
    FileInputFormat.setMaxInputSplitSize(job, maxSplit);
    FileInputFormat.setMinInputSplitSize(job, 1);
    OrderInputFormat f = new OrderInputFormat();
    List<InputSplit> splits = f.getSplits(job);
    List<Long> ids = new ArrayList<>();
    long malformed = 0;
    for (InputSplit s : splits) {
      TaskAttemptContextImpl ctx = new TaskAttemptContextImpl(job.getConfiguration(),
          new TaskAttemptID());
      try (RecordReader<LongWritable, OrderRecord> r = f.createRecordReader(s, ctx)) {
        r.initialize(s, ctx);
        while (r.nextKeyValue()) {
          OrderRecord rec = r.getCurrentValue();
          if (rec.isMalformed()) {
            malformed++;
            assertThat(rec.reason()).isIn(MalformedReason.UNPARSEABLE, MalformedReason.BAD_STATUS);
          } else {
            ids.add(rec.order().orderId());
          }
        }
      }
    }
    assertThat(malformed).isEqualTo(ORDERS / 1000);
    if (!name.endsWith(".gz")) {
      assertThat(splits).as("splits of " + name).hasSizeGreaterThan(3);
    } else {
      assertThat(splits).as("gzip is not splittable").hasSize(1);
    }
    return ids;
  }

  @Test
  void everyRecordIsReadByExactlyOneSplit() throws Exception {
    for (String name : List.of("big.avro", "big.jsonl", "big.jsonl.gz")) {
      List<Long> ids = readAll(name, 64 * 1024);
      assertThat(ids).as(name).hasSize(ORDERS - ORDERS / 1000).doesNotHaveDuplicates();
      assertThat(ids).as(name).isSorted();
    }
  }
}
