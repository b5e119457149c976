package io.quire.bench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Compare logic on made-up results: noise, direction, added and removed figures. */
@Timeout(10)
class ResultComparisonTest {
  private static Figure fig(String name, String unit, List<Double> quire, List<Double> hdfs) {
    Map<String, List<Double>> runs = new LinkedHashMap<>();
    runs.put("quire", quire);
    runs.put("hdfs", hdfs);
    return new Figure(name, unit, Figure.higherIsBetter(unit), runs);
  }

  private static BenchResult result(Figure... figures) {
    return new BenchResult("core", Instant.EPOCH, "x", new Machine(2, 0, "17", "Linux"),
        Map.of(), List.of(), List.of(figures));
  }

  private static Change find(List<Change> cs, String figure, String target) {
    return cs.stream().filter(c -> c.figure().equals(figure) && c.target().equals(target))
        .findFirst().orElseThrow();
  }

  @Test
  void overlappingRangesAreNoiseEvenForALargeMedianChange() {
    // medians 100 -> 130 (+30%), but the old runs reached 140: within the spread
    List<Change> cs = ResultComparison.compare(
        result(fig("write", "MB/s", List.of(60.0, 100.0, 140.0), List.of(100.0))),
        result(fig("write", "MB/s", List.of(125.0, 130.0, 135.0), List.of(100.0))), 5);
    Change q = find(cs, "write", "quire");
    assertEquals(30.0, q.percent(), 1e-9);
    assertEquals(Change.Verdict.NOISE, q.verdict());
  }

  @Test
  void disjointRangesAreFlaggedByDirection() {
    List<Change> cs = ResultComparison.compare(
        result(fig("write", "MB/s", List.of(95.0, 100.0, 105.0), List.of(200.0, 210.0, 190.0)),
            fig("heap", "bytes/file", List.of(300.0), List.of(400.0))),
        result(fig("write", "MB/s", List.of(80.0, 85.0, 90.0), List.of(250.0, 260.0, 240.0)),
            fig("heap", "bytes/file", List.of(240.0), List.of(400.0))), 5);
    assertEquals(Change.Verdict.WORSE, find(cs, "write", "quire").verdict());
    assertEquals(Change.Verdict.BETTER, find(cs, "write", "hdfs").verdict());
    assertEquals(Change.Verdict.WORSE, find(cs, "write", Change.RATIO).verdict());
    // fewer bytes per file is better
    assertEquals(Change.Verdict.BETTER, find(cs, "heap", "quire").verdict());
    assertEquals(-20.0, find(cs, "heap", "quire").percent(), 1e-9);
    assertEquals(Change.Verdict.NOISE, find(cs, "heap", "hdfs").verdict());
    assertEquals(Change.Verdict.BETTER, find(cs, "heap", Change.RATIO).verdict());
  }

  @Test
  void belowTheThresholdIsNoiseEvenWhenDisjoint() {
    List<Change> cs = ResultComparison.compare(
        result(fig("create", "ops/s", List.of(1000.0), List.of(900.0))),
        result(fig("create", "ops/s", List.of(1030.0), List.of(900.0))), 5);
    assertEquals(Change.Verdict.NOISE, find(cs, "create", "quire").verdict());
    assertEquals(Change.Verdict.NOISE, find(cs, "create", Change.RATIO).verdict());
  }

  @Test
  void addedAndRemovedFigures() {
    List<Change> cs = ResultComparison.compare(
        result(fig("old only", "ops/s", List.of(1.0), List.of(1.0))),
        result(fig("new only", "ops/s", List.of(1.0), List.of(1.0))), 5);
    assertEquals(Change.Verdict.REMOVED, find(cs, "old only", "quire").verdict());
    assertEquals(Change.Verdict.ADDED, find(cs, "new only", "hdfs").verdict());
    assertEquals(4, cs.size()); // no ratio row without both sides
  }

  @Test
  void printedTableFlagsRegressions() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    BenchResult o = result(fig("write", "MB/s", List.of(100.0), List.of(100.0)));
    BenchResult n = result(fig("write", "MB/s", List.of(50.0), List.of(100.0)));
    CompareMain.print(new java.io.PrintStream(bytes, true), o, n,
        ResultComparison.compare(o, n, 5), 5);
    String s = bytes.toString();
    org.junit.jupiter.api.Assertions.assertTrue(
        s.contains("| write | quire (MB/s) | 100 | 50.0 | -50.0% | **WORSE** |"), s);
    org.junit.jupiter.api.Assertions.assertTrue(s.contains("2 change(s) flagged WORSE"), s);
  }
}
