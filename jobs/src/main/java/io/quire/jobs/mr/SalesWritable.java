package io.quire.jobs.mr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** Units sold, revenue in cents and number of orders; summed by combiners and reducers. */
public final class SalesWritable implements Writable {
  private long units;
  private long cents;
  private long orders;

  public SalesWritable() {
  }

  public SalesWritable(long units, long cents, long orders) {
    set(units, cents, orders);
  }

  public void set(long u, long c, long o) {
    units = u;
    cents = c;
    orders = o;
  }

  public void add(SalesWritable s) {
    units += s.units;
    cents += s.cents;
    orders += s.orders;
  }

  public long units() {
    return units;
  }

  public long cents() {
    return cents;
  }

  public long orders() {
    return orders;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, units);
    WritableUtils.writeVLong(out, cents);
    WritableUtils.writeVLong(out, orders);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    units = WritableUtils.readVLong(in);
    cents = WritableUtils.readVLong(in);
    orders = WritableUtils.readVLong(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SalesWritable s && s.units == units && s.cents == cents
        && s.orders == orders;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(units * 31 + cents * 17 + orders);
  }

  @Override
  public String toString() {
    return units + "\t" + cents + "\t" + orders;
  }
}
