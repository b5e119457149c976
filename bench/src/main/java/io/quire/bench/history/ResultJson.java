package io.quire.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a {@link BenchResult} as JSON, version {@value #VERSION}:
 *
 * <pre>
 * { "format": "quire-bench-result", "version": 1,
 *   "suite": "core", "date": "2026-12-03T16:30:00Z", "commit": "978ca0f...",
 *   "machine": { "cores": 2, "memoryBytes": 24000000000, "java": "17.0.15", "os": "Linux ...",
 *                "loadAverage": 1.5 },
 *   "settings": { "runs": "3", ... },
 *   "limits": [ { "name": "loopback TCP copy", "unit": "MB/s", "value": 2800.0, "how": "..." } ],
 *   "figures": [ { "name": "sequential write 256 MB", "unit": "MB/s", "higherIsBetter": true,
 *                  "limit": "loopback TCP copy", "limitFactor": 3.0,
 *                  "targets": { "quire": { "runs": [160.8, 134.6], "median": 147.7 },
 *                               "hdfs":  { "runs": [...], "median": ... } },
 *                  "ratio": 0.55 } ] }
 * </pre>
 *
 * {@code median} and {@code ratio} are written for people and tools such as jq; reading
 * derives them from {@code runs}. A file of a newer version is refused, not half-read.
 */
public final class ResultJson {
  public static final String FORMAT = "quire-bench-result";
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultJson() {}

  public static String toJson(BenchResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION).put("suite", r.suite())
        .put("date", r.date().toString()).put("commit", r.commit());
    ObjectNode m = root.putObject("machine");
    m.put("cores", r.machine().cores()).put("memoryBytes", r.machine().memoryBytes())
        .put("java", r.machine().java()).put("os", r.machine().os());
    putNumber(m, "loadAverage", r.machine().loadAverage());
    ObjectNode s = root.putObject("settings");
    r.settings().forEach(s::put);
    ArrayNode limits = root.putArray("limits");
    for (Limit l : r.limits()) {
      limits.addObject().put("name", l.name()).put("unit", l.unit()).put("value", l.value())
          .put("how", l.how());
    }
    ArrayNode figures = root.putArray("figures");
    for (Figure f : r.figures()) {
      ObjectNode o = figures.addObject().put("name", f.name()).put("unit", f.unit())
          .put("higherIsBetter", f.higherIsBetter());
      if (f.limit() != null) {
        o.put("limit", f.limit()).put("limitFactor", f.limitFactor());
      }
      ObjectNode targets = o.putObject("targets");
      f.runs().forEach((target, runs) -> {
        ObjectNode t = targets.putObject(target);
        ArrayNode a = t.putArray("runs");
        runs.forEach(a::add);
        putNumber(t, "median", Stats.median(runs));
      });
      putNumber(o, "ratio", f.ratio());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("JSON of an in-memory tree", e);
    }
  }

  /** NaN and infinities are not JSON: written as null. */
  private static void putNumber(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  public static void write(BenchResult r, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, toJson(r));
  }

  /** Reads a result file; IOException naming the file and the problem. */
  public static BenchResult read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IOException("bench result " + file + ": no such file", e);
    }
    try {
      return fromJson(text);
    } catch (IOException | RuntimeException e) {
      throw new IOException("bench result " + file + ": " + e.getMessage(), e);
    }
  }

  public static BenchResult fromJson(String text) throws IOException {
    JsonNode root = MAPPER.readTree(text);
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a " + FORMAT + " file (no \"format\": \"" + FORMAT + "\")");
    }
    int version = need(root, "version").asInt();
    if (version > VERSION) {
      throw new IOException("version " + version + " is newer than this reader's " + VERSION
          + " (use the quire that wrote it)");
    }
    JsonNode m = need(root, "machine");
    Machine machine = new Machine(need(m, "cores").asInt(), m.path("memoryBytes").asLong(),
        m.path("java").asText(""), m.path("os").asText(""),
        m.path("loadAverage").isNumber() ? m.get("loadAverage").asDouble() : Double.NaN);
    Map<String, String> settings = new LinkedHashMap<>();
    root.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(),
        e.getValue().asText()));
    List<Limit> limits = new ArrayList<>();
    for (JsonNode l : root.path("limits")) {
      limits.add(new Limit(need(l, "name").asText(), need(l, "unit").asText(),
          need(l, "value").asDouble(), l.path("how").asText("")));
    }
    List<Figure> figures = new ArrayList<>();
    for (JsonNode f : need(root, "figures")) {
      Map<String, List<Double>> runs = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = need(f, "targets").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        List<Double> values = new ArrayList<>();
        for (JsonNode v : need(e.getValue(), "runs")) {
          values.add(v.asDouble());
        }
        runs.put(e.getKey(), values);
      }
      String unit = need(f, "unit").asText();
      JsonNode limit = f.get("limit");
      figures.add(new Figure(need(f, "name").asText(), unit,
          f.path("higherIsBetter").asBoolean(Figure.higherIsBetter(unit)),
          limit == null || limit.isNull() ? null : limit.asText(),
          f.path("limitFactor").asDouble(1), runs));
    }
    Instant date;
    try {
      date = Instant.parse(need(root, "date").asText());
    } catch (DateTimeParseException e) {
      throw new IOException("\"date\" is not an ISO-8601 instant: " + root.get("date"), e);
    }
    return new BenchResult(need(root, "suite").asText(), date,
        root.path("commit").asText("unknown"), machine, settings, limits, figures);
  }

  private static JsonNode need(JsonNode o, String field) throws IOException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IOException("missing \"" + field + "\"");
    }
    return v;
  }
}
