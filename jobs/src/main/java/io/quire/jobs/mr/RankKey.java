package io.quire.jobs.mr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableUtils;

/**
 * Composite key of the top-N stage (secondary sort): group ascending, then metric descending,
 * then id ascending (string order) to break ties deterministically.
 */
public final class RankKey implements WritableComparable<RankKey> {
  private final Text group = new Text();
  private long metric;
  private final Text id = new Text();

  public void set(String g, long m, String i) {
    group.set(g);
    metric = m;
    id.set(i);
  }

  public Text group() {
    return group;
  }

  public long metric() {
    return metric;
  }

  public Text id() {
    return id;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    group.write(out);
    WritableUtils.writeVLong(out, metric);
    id.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    group.readFields(in);
    metric = WritableUtils.readVLong(in);
    id.readFields(in);
  }

  @Override
  public int compareTo(RankKey o) {
    int c = group.compareTo(o.group);
    if (c != 0) {
      return c;
    }
    c = Long.compare(o.metric, metric);
    return c != 0 ? c : id.compareTo(o.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankKey k && compareTo(k) == 0;
  }

  @Override
  public int hashCode() {
    return group.hashCode();
  }

  @Override
  public String toString() {
    return group + "\t" + metric + "\t" + id;
  }
}
