package io.quire.jobs.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapred.RawKeyValueIterator;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.map.WrappedMapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.reduce.WrappedReducer;
import org.apache.hadoop.mapreduce.task.MapContextImpl;
import org.apache.hadoop.mapreduce.task.ReduceContextImpl;
import org.apache.hadoop.util.Progress;

/**
 * A small MRUnit-style driver (MRUnit is retired): runs one Mapper, combiner or Reducer in
 * process on given input records through Hadoop's own context implementations, and returns the
 * output as {@code key<TAB>value} lines (just the value for NullWritable keys) plus counters.
 * Reducer input is serialized, sorted and grouped as the shuffle would.
 */
public final class MrDriver {
  private MrDriver() {
  }

  /** What a run produced. */
  public record Result(List<String> lines, Counters counters) {
  }

  public static <KI, VI, KO, VO> Result map(Mapper<KI, VI, KO, VO> mapper, Configuration conf,
      List<Map.Entry<KI, VI>> input) throws IOException, InterruptedException {
    Collector<KO, VO> out = new Collector<>();
    Reporter rep = new Reporter();
    MapContextImpl<KI, VI, KO, VO> ctx = new MapContextImpl<>(conf, attempt(TaskType.MAP),
        new ListReader<>(input), out, committer(conf), rep, null);
    mapper.run(new WrappedMapper<KI, VI, KO, VO>().getMapContext(ctx));
    return new Result(out.lines, rep.counters);
  }

  public static <KI extends WritableComparable<?>, VI extends Writable, KO, VO> Result reduce(
      Reducer<KI, VI, KO, VO> reducer, Configuration conf, Class<KI> keyClass,
      Class<VI> valueClass, List<Map.Entry<KI, VI>> input)
      throws IOException, InterruptedException {
    return reduce(reducer, conf, keyClass, valueClass, input, null);
  }

  /** As above, grouping keys with {@code grouping} (secondary sort) instead of the sort order. */
  @SuppressWarnings("unchecked")
  public static <KI extends WritableComparable<?>, VI extends Writable, KO, VO> Result reduce(
      Reducer<KI, VI, KO, VO> reducer, Configuration conf, Class<KI> keyClass,
      Class<VI> valueClass, List<Map.Entry<KI, VI>> input, RawComparator<?> grouping)
      throws IOException, InterruptedException {
    RawComparator<KI> cmp = (RawComparator<KI>) WritableComparator.get(
        keyClass.asSubclass(WritableComparable.class), conf);
    List<byte[][]> raw = new ArrayList<>();
    for (Map.Entry<KI, VI> e : input) {
      raw.add(new byte[][] {bytes(e.getKey()), bytes(e.getValue())});
    }
    raw.sort((a, b) -> cmp.compare(a[0], 0, a[0].length, b[0], 0, b[0].length));
    Collector<KO, VO> out = new Collector<>();
    Reporter rep = new Reporter();
    ReduceContextImpl<KI, VI, KO, VO> ctx = new ReduceContextImpl<>(conf,
        attempt(TaskType.REDUCE), new SortedIterator(raw), rep.counters.findCounter("d", "k"),
        rep.counters.findCounter("d", "v"), out, committer(conf), rep,
        grouping == null ? cmp : (RawComparator<KI>) grouping, keyClass,
        valueClass);
    reducer.run(new WrappedReducer<KI, VI, KO, VO>().getReducerContext(ctx));
    return new Result(out.lines, rep.counters);
  }

  private static TaskAttemptID attempt(TaskType t) {
    return new TaskAttemptID("unit", 1, t, 0, 0);
  }

  private static org.apache.hadoop.mapreduce.OutputCommitter committer(Configuration conf)
      throws IOException {
    return new org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter(
        FileOutputFormat.getOutputPath(new org.apache.hadoop.mapreduce.task.JobContextImpl(conf,
            null)),
        new org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl(conf, attempt(TaskType.MAP)));
  }

  private static byte[] bytes(Writable w) throws IOException {
    DataOutputBuffer b = new DataOutputBuffer();
    w.write(b);
    return java.util.Arrays.copyOf(b.getData(), b.getLength());
  }

  private static final class Collector<K, V> extends RecordWriter<K, V> {
    final List<String> lines = new ArrayList<>();

    @Override
    public void write(K key, V value) {
      lines.add(key instanceof NullWritable ? String.valueOf(value) : key + "\t" + value);
    }

    @Override
    public void close(TaskAttemptContext c) {
    }
  }

  private static final class ListReader<K, V> extends RecordReader<K, V> {
    private final Iterator<Map.Entry<K, V>> it;
    private Map.Entry<K, V> cur;

    ListReader(List<Map.Entry<K, V>> input) {
      it = input.iterator();
    }

    @Override
    public void initialize(org.apache.hadoop.mapreduce.InputSplit s, TaskAttemptContext c) {
    }

    @Override
    public boolean nextKeyValue() {
      cur = it.hasNext() ? it.next() : null;
      return cur != null;
    }

    @Override
    public K getCurrentKey() {
      return cur.getKey();
    }

    @Override
    public V getCurrentValue() {
      return cur.getValue();
    }

    @Override
    public float getProgress() {
      return it.hasNext() ? 0 : 1;
    }

    @Override
    public void close() {
    }
  }

  private static final class SortedIterator implements RawKeyValueIterator {
    private final List<byte[][]> rows;
    private int i = -1;
    private final DataInputBuffer key = new DataInputBuffer();
    private final DataInputBuffer value = new DataInputBuffer();

    SortedIterator(List<byte[][]> rows) {
      this.rows = rows;
    }

    @Override
    public DataInputBuffer getKey() {
      key.reset(rows.get(i)[0], rows.get(i)[0].length);
      return key;
    }

    @Override
    public DataInputBuffer getValue() {
      value.reset(rows.get(i)[1], rows.get(i)[1].length);
      return value;
    }

    @Override
    public boolean next() {
      return ++i < rows.size();
    }

    @Override
    public void close() {
    }

    @Override
    public Progress getProgress() {
      return new Progress();
    }
  }

  private static final class Reporter extends StatusReporter {
    final Counters counters = new Counters();

    @Override
    public Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {
    }

    @Override
    public float getProgress() {
      return 0;
    }

    @Override
    public void setStatus(String status) {
    }
  }
}
