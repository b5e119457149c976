package io.quire.namenode.namesystem;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.metrics2.MetricsRecordBuilder;
import org.apache.hadoop.metrics2.lib.MetricsRegistry;
import org.apache.hadoop.metrics2.lib.MutableRate;

/**
 * Time mutations wait for their journal records to be synced ({@code awaitSync}, group
 * commit), as a metrics2 {@link MutableRate} "JournalSync" (count and average in nanoseconds
 * per snapshot interval) plus running totals for tests. Thread-safe.
 */
public final class JournalSyncTimer {
  private final MutableRate rate =
      new MetricsRegistry("JournalSync").newRate("JournalSync", "Journal sync wait (ns)", false);
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong totalNanos = new AtomicLong();

  public void add(long nanos) {
    rate.add(nanos);
    count.incrementAndGet();
    totalNanos.addAndGet(nanos);
  }

  /** Syncs waited for since start. */
  public long getCount() { return count.get(); }

  /** Total nanoseconds waited since start. */
  public long getTotalNanos() { return totalNanos.get(); }

  public void snapshot(MetricsRecordBuilder rb, boolean all) {
    rate.snapshot(rb, all);
  }
}
