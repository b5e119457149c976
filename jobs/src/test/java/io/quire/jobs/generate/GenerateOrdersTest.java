package io.quire.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.jobs.cli.Args;
import io.quire.jobs.reference.RefOrder;
import io.quire.jobs.reference.ReferenceArchive;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generator writes the same bytes for a seed, and the data has the promised shape. */
@Timeout(120)
class GenerateOrdersTest {
  private static File base;
  private static ReferenceArchive shape;

  @BeforeAll
  static void generateShapeArchive() throws Exception {
    base = TargetDirs.freshFile(GenerateOrdersTest.class, "archives");
    generate("shape", 30_000, 365, 5, "avro", 0);
    shape = new ReferenceArchive(new Configuration(),
        new org.apache.hadoop.fs.Path(new File(base, "shape").toURI()));
  }

  private static GenerateOrders.Summary generate(String name, long orders, int days, long seed,
      String format, double malformed) throws Exception {
    GenerateOrders g = new GenerateOrders();
    g.setConf(new Configuration());
    return g.generate(new Args(new String[] {"--orders", Long.toString(orders), "--days",
        Integer.toString(days), "--seed", Long.toString(seed), "--format", format,
        "--malformed-share", Double.toString(malformed), "--out",
        new File(base, name).toURI().toString()}, Set.of("orders", "days", "seed", "format",
        "malformed-share", "out")), false);
  }

  private static Map<String, byte[]> contents(String name) throws Exception {
    Map<String, byte[]> m = new TreeMap<>();
    Path root = new File(base, name).toPath();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        m.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  @Test
  void sameSeedWritesSameBytesInEveryFormat() throws Exception {
    for (String format : List.of("avro", "jsonl.gz")) {
      generate("a-" + format, 3000, 40, 99, format, 0.05);
      generate("b-" + format, 3000, 40, 99, format, 0.05);
      generate("c-" + format, 3000, 40, 100, format, 0.05);
      Map<String, byte[]> a = contents("a-" + format);
      Map<String, byte[]> b = contents("b-" + format);
      assertThat(a.keySet()).isEqualTo(b.keySet()).hasSize(40 + 2);
      a.forEach((k, v) -> assertThat(b.get(k)).as(k).isEqualTo(v));
      assertThat(contents("c-" + format).get("orders/dt=2025-01-05/part-00000." + format))
          .isNotEqualTo(a.get("orders/dt=2025-01-05/part-00000." + format));
    }
  }

  @Test
  void refusesToOverwriteAnArchive() throws Exception {
    generate("once", 100, 3, 1, "avro", 0);
    assertThatThrownBy(() -> generate("once", 100, 3, 1, "avro", 0))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("written once");
  }

  @Test
  void bookPopularityIsSkewed() {
    Map<Long, Long> units = new HashMap<>();
    long total = 0;
    for (RefOrder o : shape.valid()) {
      for (long[] i : o.items()) {
        units.merge(i[0], i[1], Long::sum);
        total += i[1];
      }
    }
    List<Long> sorted = new ArrayList<>(units.values());
    sorted.sort((x, y) -> Long.compare(y, x));
    long top5pct = sorted.subList(0, sorted.size() / 20).stream().mapToLong(Long::longValue)
        .sum();
    long bottomHalf = sorted.subList(sorted.size() / 2, sorted.size()).stream()
        .mapToLong(Long::longValue).sum();
    assertThat(top5pct).as("units of the top 5%% of books").isGreaterThan(total / 4);
    assertThat(bottomHalf).as("units of the bottom half of books").isLessThan(total / 4);
    assertThat(sorted.get(0)).as("best seller is not everything").isLessThan(total / 10);
  }

  @Test
  void basketsAreMostlyOneToThreeBooks() {
    long small = shape.valid().stream().filter(o -> o.items().size() <= 3).count();
    long singles = shape.valid().stream().filter(o -> o.items().size() == 1).count();
    long n = shape.valid().size();
    assertThat(small).isGreaterThan(n * 85 / 100);
    assertThat(singles).isGreaterThan(n * 40 / 100).isLessThan(n * 65 / 100);
    assertThat(shape.valid().stream().mapToInt(o -> o.items().size()).max().getAsInt())
        .isGreaterThan(4);
  }

  @Test
  void booksOfASeriesAreBoughtTogetherMoreThanChance() {
    Map<Long, Long> single = new HashMap<>();
    Map<String, Long> pairs = new HashMap<>();
    long n = shape.valid().size();
    for (RefOrder o : shape.valid()) {
      Set<Long> books = new HashSet<>();
      o.items().forEach(i -> books.add(i[0]));
      books.forEach(b -> single.merge(b, 1L, Long::sum));
      for (long a : books) {
        for (long b : books) {
          if (a < b && !shape.series(a).isEmpty() && shape.series(a).equals(shape.series(b))) {
            pairs.merge(a + "," + b, 1L, Long::sum);
          }
        }
      }
    }
    assertThat(pairs).hasSizeGreaterThan(20);
    int above = 0;
    for (Map.Entry<String, Long> e : pairs.entrySet()) {
      String[] ab = e.getKey().split(",");
      double lift = (double) e.getValue() * n
          / (single.get(Long.parseLong(ab[0])) * (double) single.get(Long.parseLong(ab[1])));
      above += lift > 1 ? 1 : 0;
    }
    assertThat(above).as("series pairs with lift > 1").isEqualTo(pairs.size());
  }

  @Test
  void statusRhythmAndCustomersLookLikeAStore() {
    long n = shape.valid().size();
    long notCompleted = shape.valid().stream().filter(o -> !o.status().equals("completed"))
        .count();
    assertThat(notCompleted).isBetween(n * 2 / 100, n * 8 / 100);

    Map<DayOfWeek, Long> byWeekday = new TreeMap<>();
    Map<Integer, Long> byMonth = new TreeMap<>();
    Map<Long, Long> perUser = new HashMap<>();
    for (RefOrder o : shape.valid()) {
      LocalDate d = Instant.ofEpochMilli(o.placedAt()).atZone(ZoneOffset.UTC).toLocalDate();
      byWeekday.merge(d.getDayOfWeek(), 1L, Long::sum);
      byMonth.merge(d.getMonthValue(), 1L, Long::sum);
      perUser.merge(o.user(), 1L, Long::sum);
    }
    assertThat(byWeekday.get(DayOfWeek.SATURDAY)).isGreaterThan(
        byWeekday.get(DayOfWeek.TUESDAY) * 110 / 100);
    assertThat(byMonth.get(12)).isGreaterThan(byMonth.get(8) * 3 / 2);

    long oneTime = perUser.values().stream().filter(c -> c == 1).count();
    assertThat(oneTime).as("one-time buyers").isGreaterThan(perUser.size() * 30 / 100);
    List<Long> counts = new ArrayList<>(perUser.values());
    counts.sort((x, y) -> Long.compare(y, x));
    long topTenth = counts.subList(0, counts.size() / 10).stream().mapToLong(Long::longValue)
        .sum();
    assertThat(topTenth).as("orders of the top 10%% of customers").isGreaterThan(n * 35 / 100);
  }
}
