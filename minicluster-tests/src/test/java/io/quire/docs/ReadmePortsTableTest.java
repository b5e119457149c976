package io.quire.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's table of ports and directories ("Run a real cluster") names every address and
 * directory key of the keys classes, with the default the code has: {@code X_KEY}'s default is
 * {@code X_DEFAULT}, or for an address {@code X_PORT_DEFAULT} ("port `N`" in the table); a key
 * without a default is documented as "none".
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmePortsTableTest {
  private static final Class<?>[] KEYS = {
      QuireConfigKeys.class, NameNodeConfigKeys.class, DataNodeConfigKeys.class};
  /** | what | `key` ... | default | */
  private static final Pattern ROW =
      Pattern.compile("^\\| [^|]+ \\| `(quire\\.[^`]+)`[^|]* \\| ([^|]+) \\|$");

  @Test
  void everyAddressAndDirectoryKeyIsInTheTableWithItsDefault() throws Exception {
    Map<String, String> documented = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        documented.put(m.group(1), normalize(m.group(2).trim()));
      }
    }
    Map<String, String> declared = new TreeMap<>();
    for (Class<?> c : KEYS) {
      for (Field f : c.getFields()) {
        String name = f.getName();
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
            && (name.endsWith("_ADDRESS_KEY") || name.endsWith("_DIR_KEY")
                || name.equals("ADDRESS_KEY"))) {
          declared.put((String) f.get(null), defaultOf(c, name.substring(0, name.length() - 4)));
        }
      }
    }
    assertTrue(declared.size() >= 5, "keys found: " + declared);
    documented.keySet().retainAll(declared.keySet()); // rows of other keys (ZooKeeper's quorum)
    assertEquals(declared, documented);
  }

  /** "port `8720`" -> "port 8720"; "`x`" -> "x"; "none (...)" -> "none". */
  private static String normalize(String cell) {
    if (cell.startsWith("none")) {
      return "none";
    }
    Matcher m = Pattern.compile("^(port )?`([^`]+)`$").matcher(cell);
    return m.find() ? (m.group(1) == null ? "" : m.group(1)) + m.group(2) : cell;
  }

  private static String defaultOf(Class<?> c, String base) throws IllegalAccessException {
    try {
      return String.valueOf(c.getField(base + "_DEFAULT").get(null));
    } catch (NoSuchFieldException e) {
      try {
        return "port " + c.getField(base.replace("ADDRESS", "PORT") + "_DEFAULT").get(null);
      } catch (NoSuchFieldException none) {
        return "none";
      }
    }
  }

  @Test
  void theTableItselfIsFound() throws IOException {
    assertTrue(Files.readString(Path.of("..", "README.md")).contains("## Run a real cluster"));
  }
}
