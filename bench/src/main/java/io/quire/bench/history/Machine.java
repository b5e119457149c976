package io.quire.bench.history;

import java.lang.management.ManagementFactory;

/**
 * The machine a result was measured on.
 *
 * @param cores available processors
 * @param memoryBytes physical memory (0 when the JVM cannot tell)
 * @param java java.version
 * @param os os.name os.version os.arch
 * @param loadAverage the system load average over the last minute when the run started (NaN
 *     when unknown): a busy machine explains figures that moved without a code change
 */
public record Machine(int cores, long memoryBytes, String java, String os,
    double loadAverage) {
  /** A machine whose load is not known. */
  public Machine(int cores, long memoryBytes, String java, String os) {
    this(cores, memoryBytes, java, os, Double.NaN);
  }

  public static Machine current() {
    long mem = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      mem = os.getTotalMemorySize();
    }
    return new Machine(Runtime.getRuntime().availableProcessors(), mem,
        System.getProperty("java.version"), System.getProperty("os.name") + " "
            + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        systemLoadAverage());
  }

  private static double systemLoadAverage() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? Double.NaN : l;
  }
}
