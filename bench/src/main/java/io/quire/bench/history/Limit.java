package io.quire.bench.history;

/**
 * A physical limit of the machine, measured by the bench itself (loopback copy rate, fdatasync
 * rate, CRC32C rate, Hadoop IPC echo rate).
 *
 * @param name key that figures refer to ("loopback TCP copy")
 * @param unit "MB/s", "syncs/s", "calls/s"
 * @param value the median of its runs
 * @param how one line on how it was measured
 */
public record Limit(String name, String unit, double value, String how) {}
