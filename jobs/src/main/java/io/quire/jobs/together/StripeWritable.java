package io.quire.jobs.together;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * A stripe: for one book, how many orders contained it together with each other book
 * ({@code companion id -> count}). Serialized as a vint size, then (vlong id, vlong count) pairs
 * in id order.
 */
public final class StripeWritable implements Writable {
  private final TreeMap<Long, Long> counts = new TreeMap<>();

  public void clear() {
    counts.clear();
  }

  public void increment(long book, long by) {
    counts.merge(book, by, Long::sum);
  }

  public void addAll(StripeWritable o) {
    o.counts.forEach(this::increment);
  }

  public Map<Long, Long> counts() {
    return counts;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, counts.size());
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      WritableUtils.writeVLong(out, e.getKey());
      WritableUtils.writeVLong(out, e.getValue());
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    counts.clear();
    int n = WritableUtils.readVInt(in);
    for (int i = 0; i < n; i++) {
      counts.put(WritableUtils.readVLong(in), WritableUtils.readVLong(in));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StripeWritable s && s.counts.equals(counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
