package io.quire.namenode.leases;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A client's write lease: the files it has open and when it last renewed. The file set follows
 * the journal (apply); the renewal time is volatile and restarts at load.
 */
public final class Lease {
  private final String holder;
  private final Set<Long> fileIds = new LinkedHashSet<>();
  private volatile long lastRenewedMillis;

  Lease(String holder, long now) {
    this.holder = holder;
    this.lastRenewedMillis = now;
  }

  public String getHolder() { return holder; }
  public Set<Long> getFileIds() { return fileIds; }
  public long getLastRenewedMillis() { return lastRenewedMillis; }
  void renew(long now) { this.lastRenewedMillis = now; }

  @Override public String toString() { return "Lease[" + holder + ", files=" + fileIds + "]"; }
}
