package io.quire.client;

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
import org.junit.jupiter.api.Test;

/** The key table in fs-plugin/README.md and {@link ClientConfigKeys} agree. */
class ClientConfigKeysDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `?([^`|]*?)`? \\|");

  @Test
  void readmeTableListsEveryKeyWithItsDefault() throws IOException, ReflectiveOperationException {
    Map<String, String> documented = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find() && m.group(1).startsWith("quire.client.")) {
        documented.put(m.group(1), m.group(2).trim());
      }
    }
    Map<String, String> declared = new TreeMap<>();
    for (Field f : ClientConfigKeys.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      String name = f.getName();
      if (name.endsWith("_KEY")) {
        String base = name.substring(0, name.length() - 4);
        Object def = ClientConfigKeys.class.getField(base + "_DEFAULT").get(null);
        declared.put((String) f.get(null), String.valueOf(def));
      } else if (name.endsWith("_PREFIX")) {
        declared.put(f.get(null) + "<name>", "(none)");
      }
    }
    assertEquals(declared, documented);
  }

}
