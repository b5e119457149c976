package io.quire.namenode.leases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Leases by holder. {@link #addFile}/{@link #removeFile} run while applying records (namesystem
 * write lock); {@link #renew} runs without it (a volatile time per lease).
 */
public final class LeaseManager {
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final long softLimitMs;
  private final long hardLimitMs;

  public LeaseManager(LongSupplier clock, long softLimitMs, long hardLimitMs) {
    this.clock = clock;
    this.softLimitMs = softLimitMs;
    this.hardLimitMs = hardLimitMs;
  }

  public void addFile(String holder, long fileId) {
    leases.computeIfAbsent(holder, h -> new Lease(h, clock.getAsLong())).getFileIds().add(fileId);
  }

  public void removeFile(String holder, long fileId) {
    Lease l = leases.get(holder);
    if (l != null) {
      l.getFileIds().remove(fileId);
      if (l.getFileIds().isEmpty()) {
        leases.remove(holder);
      }
    }
  }

  /** Renews {@code holder}'s lease; returns false when it holds none. */
  public boolean renew(String holder) {
    Lease l = leases.get(holder);
    if (l == null) {
      return false;
    }
    l.renew(clock.getAsLong());
    return true;
  }

  /**
   * Renews every lease (a NameNode becoming active: clients renewed with the previous active,
   * so their leases' clocks restart here, as HDFS's renewAllLeases).
   */
  public void renewAll() {
    long now = clock.getAsLong();
    for (Lease l : leases.values()) {
      l.renew(now);
    }
  }

  public Lease get(String holder) { return leases.get(holder); }

  /** True when {@code holder} has not renewed within the soft limit. */
  public boolean isSoftExpired(String holder) {
    Lease l = leases.get(holder);
    return l == null || clock.getAsLong() - l.getLastRenewedMillis() > softLimitMs;
  }

  /** Leases not renewed within the hard limit. */
  public List<Lease> getHardExpired() {
    long now = clock.getAsLong();
    List<Lease> out = new ArrayList<>();
    for (Lease l : leases.values()) {
      if (now - l.getLastRenewedMillis() > hardLimitMs) {
        out.add(l);
      }
    }
    return out;
  }

  public int size() { return leases.size(); }

  public void clear() { leases.clear(); }
}
