package io.quire.webui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format (0.0.4), for tests: every line must
 * be a {@code # HELP}, a {@code # TYPE} (at most one per family, before its samples), another
 * comment, empty, or a sample {@code name{label="value",...} value [timestamp]} whose family
 * was typed; label values use only the escapes \\ \" \n; values are Go floats (NaN, +Inf,
 * -Inf); no sample (name and labels) appears twice. Anything else fails with the line.
 */
final class PrometheusText {
  record Sample(String name, Map<String, String> labels, double value) { }

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ")( .*)?");
  private static final Pattern TYPE = Pattern.compile(
      "# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE = Pattern.compile(
      "(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?");
  private static final Pattern LABEL = Pattern.compile(
      "([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(NaN|Inf|([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?)");

  final Map<String, String> types = new LinkedHashMap<>();
  final List<Sample> samples = new ArrayList<>();

  static PrometheusText parse(String text) {
    PrometheusText p = new PrometheusText();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition does not end with a newline");
    }
    Set<String> seen = new HashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + " '" + line + "'";
      if (line.isEmpty() || HELP.matcher(line).matches()) {
        continue;
      }
      Matcher t = TYPE.matcher(line);
      if (t.matches()) {
        if (p.types.put(t.group(1), t.group(2)) != null) {
          throw new IllegalArgumentException(where + ": second TYPE for " + t.group(1));
        }
        continue;
      }
      if (line.startsWith("#")) {
        if (line.startsWith("# HELP") || line.startsWith("# TYPE")) {
          throw new IllegalArgumentException(where + ": malformed HELP/TYPE line");
        }
        continue;
      }
      Matcher s = SAMPLE.matcher(line);
      if (!s.matches()) {
        throw new IllegalArgumentException(where + ": not a sample");
      }
      String name = s.group(1);
      if (!p.types.containsKey(name) && !p.types.containsKey(family(name))) {
        throw new IllegalArgumentException(where + ": sample of an untyped family");
      }
      Map<String, String> labels = labels(s.group(3) == null ? "" : s.group(3), where);
      if (!FLOAT.matcher(s.group(4)).matches()) {
        throw new IllegalArgumentException(where + ": value '" + s.group(4) + "'");
      }
      if (!seen.add(name + labels)) {
        throw new IllegalArgumentException(where + ": duplicate sample");
      }
      String v = s.group(4).replace("Inf", "Infinity");
      p.samples.add(new Sample(name, labels, Double.parseDouble(v)));
    }
    return p;
  }

  private static String family(String name) {
    return name.replaceAll("_(sum|count|bucket)$", "");
  }

  private static Map<String, String> labels(String body, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = LABEL.matcher(body);
    int pos = 0;
    while (pos < body.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException(where + ": bad label at '" + body.substring(pos) + "'");
      }
      String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
      if (out.put(m.group(1), value) != null) {
        throw new IllegalArgumentException(where + ": label " + m.group(1) + " twice");
      }
      pos = m.end();
    }
    return out;
  }

  /** The one sample named {@code name} whose labels include {@code labels}. */
  Sample find(String name, Map<String, String> labels) {
    List<Sample> hits = samples.stream().filter(s -> s.name().equals(name)
        && s.labels().entrySet().containsAll(labels.entrySet())).toList();
    if (hits.size() != 1) {
      throw new AssertionError(hits.size() + " samples " + name + labels + " in /prom; names: "
          + samples.stream().map(Sample::name).distinct().sorted().toList());
    }
    return hits.get(0);
  }
}
