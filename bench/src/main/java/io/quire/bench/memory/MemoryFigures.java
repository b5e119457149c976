package io.quire.bench.memory;

import io.quire.bench.history.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The memory suite's figures per target across runs, in the order first added. */
final class MemoryFigures {
  private final Map<String, String> units = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Double>>> runs = new LinkedHashMap<>();

  void add(String name, String unit, String target, double value) {
    units.putIfAbsent(name, unit);
    runs.computeIfAbsent(name, n -> new LinkedHashMap<>())
        .computeIfAbsent(target, t -> new ArrayList<>()).add(value);
  }

  List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    runs.forEach((name, r) -> out.add(new Figure(name, units.get(name),
        Figure.higherIsBetter(units.get(name)), r)));
    return out;
  }
}
