package io.quire.jobs.revenue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * Order counts by status plus units and revenue (completed orders only) of one period or
 * category-month; summed by the combiner and reducer.
 */
public final class RevenueWritable implements Writable {
  long completed;
  long cancelled;
  long refunded;
  long units;
  long cents;

  public RevenueWritable() {
  }

  public RevenueWritable(long completed, long cancelled, long refunded, long units, long cents) {
    this.completed = completed;
    this.cancelled = cancelled;
    this.refunded = refunded;
    this.units = units;
    this.cents = cents;
  }

  void clear() {
    completed = cancelled = refunded = units = cents = 0;
  }

  void add(RevenueWritable o) {
    completed += o.completed;
    cancelled += o.cancelled;
    refunded += o.refunded;
    units += o.units;
    cents += o.cents;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, completed);
    WritableUtils.writeVLong(out, cancelled);
    WritableUtils.writeVLong(out, refunded);
    WritableUtils.writeVLong(out, units);
    WritableUtils.writeVLong(out, cents);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    completed = WritableUtils.readVLong(in);
    cancelled = WritableUtils.readVLong(in);
    refunded = WritableUtils.readVLong(in);
    units = WritableUtils.readVLong(in);
    cents = WritableUtils.readVLong(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevenueWritable r && r.completed == completed && r.cancelled == cancelled
        && r.refunded == refunded && r.units == units && r.cents == cents;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(completed * 31 + cancelled * 7 + refunded * 3 + units * 13 + cents);
  }

  @Override
  public String toString() {
    return completed + "/" + cancelled + "/" + refunded + " " + units + "u " + cents + "c";
  }
}
