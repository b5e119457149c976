package io.quire.jobs.customers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** A customer's completed orders, spend in cents, first and last order time (UTC millis). */
public final class CustomerWritable implements Writable {
  long orders;
  long cents;
  long first;
  long last;

  public CustomerWritable() {
  }

  public CustomerWritable(long orders, long cents, long first, long last) {
    this.orders = orders;
    this.cents = cents;
    this.first = first;
    this.last = last;
  }

  void clear() {
    orders = 0;
    cents = 0;
    first = Long.MAX_VALUE;
    last = Long.MIN_VALUE;
  }

  void add(CustomerWritable o) {
    orders += o.orders;
    cents += o.cents;
    first = Math.min(first, o.first);
    last = Math.max(last, o.last);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, orders);
    WritableUtils.writeVLong(out, cents);
    out.writeLong(first);
    out.writeLong(last);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    orders = WritableUtils.readVLong(in);
    cents = WritableUtils.readVLong(in);
    first = in.readLong();
    last = in.readLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerWritable c && c.orders == orders && c.cents == cents
        && c.first == first && c.last == last;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(orders * 31 + cents * 17 + first * 7 + last);
  }

  @Override
  public String toString() {
    return orders + " orders, " + cents + "c, " + first + ".." + last;
  }
}
