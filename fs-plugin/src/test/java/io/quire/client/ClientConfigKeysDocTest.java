package io.quire.client;

import io.quire.testing.ConfigKeyTable;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The key table in fs-plugin/README.md and {@link ClientConfigKeys} agree. */
class ClientConfigKeysDocTest {
  @Test
  void readmeTableListsEveryKeyWithItsDefault() throws IOException {
    ConfigKeyTable.in(Path.of("README.md")).keysStartingWith("quire.client.")
        .assertMatches(ClientConfigKeys.class);
  }
}
