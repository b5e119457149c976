package io.quire.jobs.mr;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Chained top-N stage over the {@code part-*} files of a directory of sales TSV rows
 * {@code group<TAB>id<TAB>units<TAB>cents<TAB>orders}: per group the N rows with the highest
 * revenue (ties: id ascending), written as
 * {@code group<TAB>rank<TAB>id<TAB>units<TAB>cents<TAB>orders}. Uses secondary sort
 * ({@link RankKey}, {@link RankGrouping}).
 */
public final class TopN {
  public static final String N_KEY = "quire.jobs.top.n";

  private TopN() {
  }

  public static Job create(Configuration conf, String name, Path salesTsv, Path out, int n)
      throws IOException {
    Job job = Job.getInstance(conf, name);
    job.getConfiguration().setInt(N_KEY, n);
    job.setJarByClass(TopN.class);
    FileInputFormat.addInputPath(job, new Path(salesTsv, "part-*"));
    job.setMapperClass(RankMapper.class);
    job.setMapOutputKeyClass(RankKey.class);
    job.setMapOutputValueClass(Text.class);
    job.setPartitionerClass(RankGrouping.GroupPartitioner.class);
    job.setGroupingComparatorClass(RankGrouping.GroupComparator.class);
    job.setReducerClass(TopReducer.class);
    OrderJobs.textOutput(job, out);
    return job;
  }

  /** Parses a sales row into (group, cents desc, id) -> row. */
  public static final class RankMapper extends Mapper<LongWritable, Text, RankKey, Text> {
    private final RankKey key = new RankKey();

    @Override
    protected void map(LongWritable off, Text line, Context ctx)
        throws IOException, InterruptedException {
      String[] f = line.toString().split("\t");
      key.set(f[0], Long.parseLong(f[3]), f[1]);
      ctx.write(key, line);
    }
  }

  /** Writes the first N rows of each group with their rank. */
  public static final class TopReducer extends Reducer<RankKey, Text, NullWritable, Text> {
    private final Text out = new Text();
    private int n;

    @Override
    protected void setup(Context ctx) {
      n = ctx.getConfiguration().getInt(N_KEY, 10);
    }

    @Override
    protected void reduce(RankKey key, Iterable<Text> rows, Context ctx)
        throws IOException, InterruptedException {
      int rank = 0;
      for (Text row : rows) {
        if (++rank > n) {
          break;
        }
        String s = row.toString();
        int tab = s.indexOf('\t');
        out.set(s.substring(0, tab) + "\t" + rank + s.substring(tab));
        ctx.write(NullWritable.get(), out);
      }
    }
  }
}
