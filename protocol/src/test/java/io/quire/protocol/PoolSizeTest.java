package io.quire.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PoolSizeTest {
  private static final String KEY = "quire.test.threads";

  @Test
  void unsetIsTwiceTheCoresPlusTheDirectories() {
    int cores = Runtime.getRuntime().availableProcessors();
    PoolSize p = PoolSize.of(new Configuration(false), KEY, 2);
    assertEquals(2 * cores + 2, p.threads());
    assertTrue(p.toString().startsWith((2 * cores + 2) + " (2 x " + cores + " core"),
        p.toString());
    assertTrue(p.toString().endsWith(" + 2 directories; set " + KEY + " to change)"),
        p.toString());
    assertEquals("6 (2 x 2 cores + 2 directories; set " + KEY + " to change)",
        PoolSize.byMachine(2, 2, KEY).toString());
    assertEquals("3 (2 x 1 core + 1 directory; set " + KEY + " to change)",
        PoolSize.byMachine(1, 1, KEY).toString());
  }

  @Test
  void theKeyOverrides() {
    Configuration c = new Configuration(false);
    c.set(KEY, " 40 ");
    assertEquals(40, PoolSize.of(c, KEY, 1).threads());
    assertEquals("40 (set by " + KEY + ")", PoolSize.of(c, KEY, 1).toString());
  }

  @Test
  void badValuesNameTheKey() {
    Configuration c = new Configuration(false);
    for (String bad : new String[] {"0", "-3", "many"}) {
      c.set(KEY, bad);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PoolSize.of(c, KEY, 1));
      assertTrue(e.getMessage().startsWith(KEY + " = " + bad + ": "), e.getMessage());
    }
  }
}
