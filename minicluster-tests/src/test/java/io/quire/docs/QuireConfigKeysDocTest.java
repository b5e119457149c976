package io.quire.docs;

import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.ConfigKeyTable;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The "Shared keys" table of docs/CONFIGURATION.md and {@link QuireConfigKeys} agree (here, with
 * the other checks of the top-level docs: the protocol module builds before the test support).
 */
class QuireConfigKeysDocTest {
  @Test
  void sharedTableListsEveryKeyWithItsDefault() throws IOException {
    ConfigKeyTable.in(Path.of("../docs/CONFIGURATION.md")).section("## Shared keys")
        .assertMatches(QuireConfigKeys.class);
  }
}
