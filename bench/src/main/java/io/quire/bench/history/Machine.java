package io.quire.bench.history;

import java.lang.management.ManagementFactory;

/**
 * The machine a result was measured on.
 *
 * @param cores available processors
 * @param memoryBytes physical memory (0 when the JVM cannot tell)
 * @param java java.version
 * @param os os.name os.version os.arch
 */
public record Machine(int cores, long memoryBytes, String java, String os) {
  public static Machine current() {
    long mem = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      mem = os.getTotalMemorySize();
    }
    return new Machine(Runtime.getRuntime().availableProcessors(), mem,
        System.getProperty("java.version"), System.getProperty("os.name") + " "
            + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }
}
