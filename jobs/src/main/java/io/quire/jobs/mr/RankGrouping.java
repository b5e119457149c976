package io.quire.jobs.mr;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Partitioner;

/** Partitioning and grouping of {@link RankKey}s by group only (secondary sort). */
public final class RankGrouping {
  private RankGrouping() {
  }

  /** Sends every key of a group to the same reducer. */
  public static final class GroupPartitioner extends Partitioner<RankKey, Text> {
    @Override
    public int getPartition(RankKey key, Text value, int n) {
      return (key.group().hashCode() & Integer.MAX_VALUE) % n;
    }
  }

  /** One reduce call per group, values in metric-descending order. */
  public static final class GroupComparator extends WritableComparator {
    public GroupComparator() {
      super(RankKey.class, true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public int compare(WritableComparable a, WritableComparable b) {
      return ((RankKey) a).group().compareTo(((RankKey) b).group());
    }
  }
}
