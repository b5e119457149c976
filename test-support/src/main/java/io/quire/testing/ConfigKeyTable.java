package io.quire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that a keys class and its table in the docs agree: the one rule every
 * {@code *ConfigKeys} class and its Markdown table follow.
 *
 * <p>Class: every public static {@code X_KEY} is a key; its default is {@code X_DEFAULT}, or,
 * for an address key {@code X_ADDRESS_KEY} without one, {@code X_PORT_DEFAULT} written
 * "port N"; a key without either, or whose default is the empty string (unset: derived at
 * run time), has no default. A public static {@code X_PREFIX} is a key
 * prefix without a default.
 *
 * <p>Table: a row {@code | `key` | default | meaning |}. A key's trailing {@code <placeholder>}
 * is dropped (a prefix row: {@code quire.namenode.ids.<ns>}). The default cell is a backticked
 * value, optionally after "port " and followed by a note ({@code `21600000` (6 h)}); any
 * other text ("(none)", "(2 x cores + directories)") documents a key without a default.
 */
public final class ConfigKeyTable {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*?) \\|");
  private static final Pattern VALUE = Pattern.compile("^(port )?`([^`]*)`.*$");
  private static final String NONE = "(none)";

  private final Path markdown;
  private String section;
  private String keyPrefix = "";

  private ConfigKeyTable(Path markdown) {
    this.markdown = markdown;
  }

  /** The key table(s) of {@code markdown} (relative to the module directory under test). */
  public static ConfigKeyTable in(Path markdown) {
    return new ConfigKeyTable(markdown);
  }

  /** Only rows under this {@code ## } heading (the whole heading line, e.g. "## Shared keys"). */
  public ConfigKeyTable section(String heading) {
    this.section = heading;
    return this;
  }

  /** Only rows whose key starts with {@code prefix} (the file has other keys' tables too). */
  public ConfigKeyTable keysStartingWith(String prefix) {
    this.keyPrefix = prefix;
    return this;
  }

  /** Asserts that the table lists exactly the keys of {@code keysClass}, with their defaults. */
  public void assertMatches(Class<?> keysClass) throws IOException {
    assertEquals(declared(keysClass), documented(),
        "keys of " + keysClass.getName() + " (left) and the table in " + markdown
            + (section == null ? "" : " under \"" + section + "\"") + " (right)");
  }

  /** Key to default ({@value #NONE} for none), from the table. */
  Map<String, String> documented() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    boolean inSection = section == null;
    for (String line : Files.readAllLines(markdown)) {
      if (section != null && line.startsWith("## ")) {
        inSection = line.equals(section);
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (!inSection || !m.find() || !m.group(1).startsWith(keyPrefix)) {
        continue;
      }
      String key = m.group(1).replaceAll("<[^>]*>$", "");
      Matcher v = VALUE.matcher(m.group(2).trim());
      documented.put(key, v.matches() ? (v.group(1) == null ? "" : "port ") + v.group(2) : NONE);
    }
    return documented;
  }

  /** Key to default ({@value #NONE} for none), from the class. */
  static Map<String, String> declared(Class<?> keysClass) {
    Map<String, String> declared = new TreeMap<>();
    for (Field f : keysClass.getFields()) {
      String name = f.getName();
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (name.endsWith("_PREFIX")) {
        declared.put(String.valueOf(value(f)), NONE);
      } else if (name.endsWith("_KEY")) {
        String base = name.substring(0, name.length() - "_KEY".length());
        declared.put(String.valueOf(value(f)), defaultOf(keysClass, base));
      }
    }
    return declared;
  }

  private static String defaultOf(Class<?> keysClass, String base) {
    Field def = field(keysClass, base + "_DEFAULT");
    if (def != null) {
      String v = String.valueOf(value(def));
      return v.isEmpty() ? NONE : v;
    }
    if (base.endsWith("_ADDRESS")) {
      Field port = field(keysClass,
          base.substring(0, base.length() - "_ADDRESS".length()) + "_PORT_DEFAULT");
      if (port != null) {
        return "port " + value(port);
      }
    }
    return NONE;
  }

  private static Field field(Class<?> c, String name) {
    try {
      return c.getField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Object value(Field f) {
    try {
      return f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(f + " is not readable", e);
    }
  }
}
