package io.quire.bench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The result file format: round trip, derived fields, refusals (no cluster). */
@Timeout(10)
class ResultJsonTest {
  static BenchResult sample() {
    Map<String, List<Double>> write = new LinkedHashMap<>();
    write.put("quire", List.of(160.8, 134.6, 188.7));
    write.put("hdfs", List.of(293.6, 220.7, 371.0));
    Map<String, List<Double>> heap = new LinkedHashMap<>();
    heap.put("quire", List.of(310.0));
    return new BenchResult("core", Instant.parse("2026-12-03T15:16:00Z"), "5c2b2d3abcdef0",
        new Machine(2, 24L << 30, "17.0.15", "Linux", 1.5), Map.of("runs", "3"),
        List.of(new Limit("loopback TCP copy", "MB/s", 2800, "one socket pair")),
        List.of(new Figure("sequential write 256 MB", "MB/s", true, "loopback TCP copy", 3, write),
            new Figure("heap per file", "bytes/file", false, heap)));
  }

  @Test
  void roundTripKeepsEveryField() throws IOException {
    BenchResult r = sample();
    BenchResult back = ResultJson.fromJson(ResultJson.toJson(r));
    assertEquals(r, back);
  }

  @Test
  void writesMedianAndRatioForReaders() {
    String json = ResultJson.toJson(sample());
    assertTrue(json.contains("\"median\" : 160.8"), json);
    assertTrue(json.contains("\"ratio\" : " + (160.8 / 293.6)), json);
    // one target only: the ratio is unknown, written as null rather than NaN (not JSON)
    assertTrue(json.contains("\"ratio\" : null"), json);
  }

  @Test
  void readsFileAndNamesItInErrors(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("r.json");
    ResultJson.write(sample(), f);
    assertEquals(sample(), ResultJson.read(f));
    Files.writeString(f, "{\"format\": \"quire-bench-result\", \"version\": 99}");
    IOException e = assertThrows(IOException.class, () -> ResultJson.read(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("newer"),
        e.getMessage());
    Files.writeString(f, "{\"format\": \"quire-bench-result\", \"version\": 1}");
    e = assertThrows(IOException.class, () -> ResultJson.read(f));
    assertTrue(e.getMessage().contains("missing \"machine\""), e.getMessage());
    Files.writeString(f, "[1, 2]");
    e = assertThrows(IOException.class, () -> ResultJson.read(f));
    assertTrue(e.getMessage().contains("not a quire-bench-result"), e.getMessage());
    e = assertThrows(IOException.class, () -> ResultJson.read(dir.resolve("none.json")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void unknownLoadAverageIsWrittenAsNullAndReadBack() throws IOException {
    BenchResult r = sample();
    BenchResult unknown = new BenchResult(r.suite(), r.date(), r.commit(),
        new Machine(2, 0, "17", "Linux"), r.settings(), r.limits(), r.figures());
    String json = ResultJson.toJson(unknown);
    assertTrue(json.contains("\"loadAverage\" : null"), json);
    assertTrue(Double.isNaN(ResultJson.fromJson(json).machine().loadAverage()));
  }

  @Test
  void directionDefaultsFromTheUnitWhenAbsent() throws IOException {
    String json = ResultJson.toJson(sample()).replace("\"higherIsBetter\" : false,", "");
    BenchResult r = ResultJson.fromJson(json);
    assertEquals(false, r.figure("heap per file").higherIsBetter());
    assertNull(r.figure("heap per file").limit());
    Figure w = r.figure("sequential write 256 MB");
    assertEquals(2800.0 / 3, w.bound(r.limit(w.limit())), 1e-9);
  }

  @Test
  void fileNameHasDateShortCommitAndSuite() {
    assertEquals("2026-12-03-1516-5c2b2d3-core", ResultFiles.baseName(sample()));
    assertEquals("abc-dirty", GitCommit.shortForm("abc+dirty"));
    assertEquals("unknown", GitCommit.shortForm("unknown"));
  }
}
