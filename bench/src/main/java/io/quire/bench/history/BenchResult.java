package io.quire.bench.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, as stored in {@code docs/bench/*.json} by
 * {@link ResultJson}.
 *
 * @param suite "core", "sweep", "memory"...
 * @param date when the run ended
 * @param commit git commit of the code measured ("unknown" outside a checkout; "+dirty"
 *     appended when tracked files had changes)
 * @param machine cores, memory, Java
 * @param settings the run's options (runs, bytes, durability...), as strings
 * @param limits physical limits measured in the same run (may be empty)
 * @param figures the measured rows, in the order they were printed
 */
public record BenchResult(String suite, Instant date, String commit, Machine machine,
    Map<String, String> settings, List<Limit> limits, List<Figure> figures) {
  public BenchResult {
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    limits = List.copyOf(limits);
    figures = List.copyOf(figures);
  }

  /** The figure called {@code name}, or null. */
  public Figure figure(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** The limit called {@code name}, or null. */
  public Limit limit(String name) {
    return name == null ? null
        : limits.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
  }
}
