package io.quire.bench.limits;

import io.quire.bench.history.Limit;
import java.util.List;

/**
 * Which measured limit bounds a figure, and how many units of it one unit of the figure uses.
 *
 * @param limit a {@link Limit#name()}
 * @param factor units of the limit per unit of the figure
 */
public record Bound(String limit, double factor) {
  /** The tightest of {@code candidates} given the measured {@code limits}; null if none. */
  public static Bound tightest(List<Limit> limits, Bound... candidates) {
    Bound best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (Bound b : candidates) {
      for (Limit l : limits) {
        if (l.name().equals(b.limit()) && l.value() / b.factor() < bestValue) {
          best = b;
          bestValue = l.value() / b.factor();
        }
      }
    }
    return best;
  }

  /** A replication-{@code r} write: r loopback copies, r synced replicas on this one disk. */
  public static Bound write(List<Limit> limits, int r) {
    return tightest(limits, new Bound(LoopbackLimit.NAME, r), new Bound(FsyncLimit.SEQ_NAME, r));
  }

  /** A read: one loopback copy and a checksum pass. */
  public static Bound read(List<Limit> limits) {
    return tightest(limits, new Bound(LoopbackLimit.NAME, 1), new Bound(Crc32cLimit.NAME, 1));
  }

  /**
   * A metadata operation of {@code rpcs} RPCs, {@code synced} of which wait for a journal sync.
   * One thread waits for each sync; several threads share syncs (group commit), so only the
   * IPC rate (measured at 8 threads for up to 8, at 32 above) bounds them.
   */
  public static Bound metadata(List<Limit> limits, int threads, int rpcs, int synced) {
    String ipc = threads == 1 ? IpcEchoLimit.NAME_1
        : threads <= 8 ? IpcEchoLimit.NAME_8 : IpcEchoLimit.NAME_32;
    if (threads == 1 && synced > 0) {
      return tightest(limits, new Bound(ipc, rpcs), new Bound(FsyncLimit.SYNC_NAME, synced));
    }
    return tightest(limits, new Bound(ipc, rpcs));
  }
}
