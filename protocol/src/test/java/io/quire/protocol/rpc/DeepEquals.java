package io.quire.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Field-by-field comparison of protocol values (the types in io.quire.protocol.types do not
 * all define equals, and Block's equals ignores the length on purpose).
 */
final class DeepEquals {
  private static final String TYPES_PACKAGE = "io.quire.protocol.types";

  private DeepEquals() {}

  static void assertDeepEquals(Object expected, Object actual) {
    compare(expected, actual, "value");
  }

  private static void compare(Object expected, Object actual, String where) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, where);
      return;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      assertEquals(e.size(), a.size(), where + ".size");
      for (int i = 0; i < e.size(); i++) {
        compare(e.get(i), a.get(i), where + "[" + i + "]");
      }
      return;
    }
    Class<?> type = expected.getClass();
    if (type.getPackageName().equals(TYPES_PACKAGE) && !type.isEnum()) {
      assertEquals(type, actual.getClass(), where + " class");
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          f.setAccessible(true);
          try {
            compare(f.get(expected), f.get(actual), where + "." + f.getName());
          } catch (IllegalAccessException ex) {
            fail("cannot read " + where + "." + f.getName(), ex);
          }
        }
      }
      return;
    }
    assertEquals(expected, actual, where);
  }
}
