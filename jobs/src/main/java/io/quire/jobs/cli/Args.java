package io.quire.jobs.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of the jobs command line (after ToolRunner has taken the generic
 * -D/-conf/-fs options). Unknown options are rejected with the list of known ones.
 */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  /** @throws IllegalArgumentException for an unknown option or a missing value */
  public Args(String[] args, Set<String> known) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || !known.contains(a.substring(2))) {
        throw new IllegalArgumentException("unknown option '" + a + "'; known: " + known);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      values.put(a.substring(2), args[++i]);
    }
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** @throws IllegalArgumentException if the option is absent */
  public String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing required option --" + name);
    }
    return v;
  }

  public String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  public long getLong(String name, long dflt) {
    return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : dflt;
  }

  public double getDouble(String name, double dflt) {
    return values.containsKey(name) ? Double.parseDouble(values.get(name)) : dflt;
  }
}
