package io.quire.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Figure;
import io.quire.bench.history.Limit;
import io.quire.bench.history.Machine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sweep page on a made-up result: charts embedded, no network loads, tables filled. */
@Timeout(60)
class SweepPageTest {
  @Test
  void selfContainedPageWithOneChartPerSeries() throws Exception {
    Map<Double, String> points = new LinkedHashMap<>();
    List<Figure> figures = new java.util.ArrayList<>();
    for (int t : new int[] {1, 2, 4}) {
      String name = "create+close x10, " + t + " threads";
      points.put((double) t, name);
      figures.add(new Figure(name, "ops/s", true, "ipc", 2,
          Map.of("quire", List.of(100.0 * t), "hdfs", List.of(80.0 * t))));
    }
    BenchResult r = new BenchResult("sweep", Instant.EPOCH, "abc", new Machine(2, 1L << 30,
        "17", "Linux"), Map.of("runs", "1"), List.of(new Limit("ipc", "calls/s", 10000, "echo")),
        figures);
    String html = SweepPage.render(r, List.of(new Series("create+close <x10>", "threads",
        "ops/s", points)));
    assertEquals(1, html.split("src=\"data:image/png;base64,", -1).length - 1, "one chart");
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
        "nothing loaded from the network");
    assertTrue(html.contains("create+close &lt;x10&gt;"), "escaped title");
    // 4 threads: 400 vs 320 -> ratio 1.25; bound 10000/2 = 5000 -> 8%
    assertTrue(html.contains("<td class=n>400</td><td class=n>320</td><td class=n>1.25</td>"
        + "<td class=n>8%</td>"), html.replaceAll("data:image[^\"]*", ""));
  }
}
