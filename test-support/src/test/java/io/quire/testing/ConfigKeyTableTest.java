package io.quire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
class ConfigKeyTableTest {
  private static final Path TABLE = Path.of("src/test/resources/keys-table.md");

  /** A keys class as the modules write them. */
  public static final class SampleKeys {
    public static final String SIZE_KEY = "sample.size";
    public static final int SIZE_DEFAULT = 42;
    public static final String SERVICE_ADDRESS_KEY = "sample.address";
    public static final int SERVICE_PORT_DEFAULT = 8000;
    public static final String OWNER_KEY = "sample.owner";
    public static final String OWNER_DEFAULT = "";
    public static final String EXTRA_PREFIX = "sample.extra.";
  }

  /** The same with a key the table does not list. */
  public static final class UndocumentedKeys {
    public static final String SIZE_KEY = "sample.size";
    public static final int SIZE_DEFAULT = 42;
    public static final String NEW_KEY = "sample.new";
  }

  /** The same with a default the table does not show. */
  public static final class OtherDefaultKeys {
    public static final String SIZE_KEY = "sample.size";
    public static final int SIZE_DEFAULT = 43;
  }

  @Test
  void readsKeysDefaultsPortsAndPrefixes() throws Exception {
    Map<String, String> expected = Map.of("sample.size", "42", "sample.address", "port 8000",
        "sample.owner", "(none)", "sample.extra.", "(none)");
    assertEquals(expected, ConfigKeyTable.declared(SampleKeys.class));
    assertEquals(expected, ConfigKeyTable.in(TABLE).section("## Sample keys")
        .keysStartingWith("sample.").documented());
    ConfigKeyTable.in(TABLE).section("## Sample keys").keysStartingWith("sample.")
        .assertMatches(SampleKeys.class);
  }

  @Test
  void aMissingKeyOrAnotherDefaultFails() {
    ConfigKeyTable t = ConfigKeyTable.in(TABLE).section("## Sample keys")
        .keysStartingWith("sample.");
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> t.assertMatches(UndocumentedKeys.class));
    assertTrue(e.getMessage().contains("sample.new"), e.getMessage());
    assertThrows(AssertionFailedError.class, () -> t.assertMatches(OtherDefaultKeys.class));
  }
}
