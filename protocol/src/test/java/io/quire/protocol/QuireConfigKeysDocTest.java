package io.quire.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "Shared keys" table of docs/CONFIGURATION.md and {@link QuireConfigKeys} agree: every
 * key with its default ({@code X_KEY} with {@code X_DEFAULT}, an address key {@code X_ADDRESS_KEY}
 * with {@code X_PORT_DEFAULT} written "port `N`", a prefix {@code X_PREFIX} written
 * {@code prefix<name>}); a key without a default is documented without a backticked value.
 */
class QuireConfigKeysDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*?) \\|");
  private static final Pattern VALUE = Pattern.compile("^(port )?`([^`]*)`$");

  @Test
  void sharedTableListsEveryKeyWithItsDefault() throws IOException, ReflectiveOperationException {
    assertEquals(declared(), documented(Files.readAllLines(Path.of("../docs/CONFIGURATION.md"))));
  }

  /** Key (a prefix ends with its {@code <placeholder>} cut off) to default, from the table. */
  private static Map<String, String> documented(List<String> lines) {
    Map<String, String> documented = new TreeMap<>();
    boolean inShared = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inShared = line.equals("## Shared keys");
        continue;
      }
      Matcher m = inShared ? ROW.matcher(line) : null;
      if (m == null || !m.find()) {
        continue;
      }
      String key = m.group(1).replaceAll("<[^>]*>$", "");
      Matcher v = VALUE.matcher(m.group(2).trim());
      documented.put(key, v.matches() ? (v.group(1) == null ? "" : "port ") + v.group(2)
          : "(none)");
    }
    return documented;
  }

  private static Map<String, String> declared() throws ReflectiveOperationException {
    Map<String, String> declared = new TreeMap<>();
    for (Field f : QuireConfigKeys.class.getFields()) {
      String name = f.getName();
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (name.endsWith("_PREFIX")) {
        declared.put((String) f.get(null), "(none)");
      } else if (name.endsWith("_KEY")) {
        String base = name.substring(0, name.length() - "_KEY".length());
        declared.put((String) f.get(null), defaultOf(base));
      }
    }
    return declared;
  }

  private static String defaultOf(String base) throws ReflectiveOperationException {
    try {
      return String.valueOf(QuireConfigKeys.class.getField(base + "_DEFAULT").get(null));
    } catch (NoSuchFieldException e) {
      if (base.endsWith("_ADDRESS")) {
        String port = base.substring(0, base.length() - "_ADDRESS".length()) + "_PORT_DEFAULT";
        return "port " + QuireConfigKeys.class.getField(port).get(null);
      }
      return "(none)";
    }
  }
}
