package io.quire.bench.limits;

import io.quire.bench.history.Limit;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures this machine's limits the figures are bounded by, each for about {@code millis}
 * (the sequential fsync write writes {@code seqBytes}); prints them as a table.
 */
public final class PhysicalLimits {
  private PhysicalLimits() {}

  public static List<Limit> measure(File dataDir, long millis, long seqBytes) throws Exception {
    List<Limit> out = new ArrayList<>();
    out.add(LoopbackLimit.measure(millis));
    out.addAll(FsyncLimit.measure(dataDir, millis, seqBytes));
    out.add(Crc32cLimit.measure(millis));
    out.addAll(IpcEchoLimit.measure(millis));
    return out;
  }

  public static void print(java.io.PrintStream o, List<Limit> limits) {
    o.println("Physical limits of this machine (measured now):");
    for (Limit l : limits) {
      o.printf(java.util.Locale.ROOT, "  %-40s %12.1f %-8s (%s)%n", l.name(), l.value(),
          l.unit(), l.how());
    }
  }
}
