package io.quire.bench.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One chart of a sweep: x values (thread count, file size) mapped to the figure measured there.
 *
 * @param title chart title
 * @param xTitle x axis title
 * @param unit y axis unit (the figures' unit)
 * @param points x value to figure name, in x order
 */
public record Series(String title, String xTitle, String unit, Map<Double, String> points) {
  public Series {
    points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
  }
}
