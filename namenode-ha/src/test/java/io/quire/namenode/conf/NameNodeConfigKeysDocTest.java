package io.quire.namenode.conf;

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

/** The key table in namenode-ha/CONFIGURATION.md and {@link NameNodeConfigKeys} agree. */
class NameNodeConfigKeysDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*?) \\|");

  @Test
  void tableListsEveryKeyWithItsDefault() throws IOException, ReflectiveOperationException {
    Map<String, String> documented = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("CONFIGURATION.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        String def = m.group(2).trim();
        documented.put(m.group(1), def.startsWith("`") ? def.replace("`", "") : "(derived)");
      }
    }
    Map<String, String> declared = new TreeMap<>();
    for (Field f : NameNodeConfigKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_KEY")) {
        String base = f.getName().substring(0, f.getName().length() - 4);
        String def;
        try {
          def = String.valueOf(NameNodeConfigKeys.class.getField(base + "_DEFAULT").get(null));
        } catch (NoSuchFieldException derived) {
          def = "(derived)";
        }
        declared.put((String) f.get(null), def);
      }
    }
    assertEquals(declared, documented);
  }
}
